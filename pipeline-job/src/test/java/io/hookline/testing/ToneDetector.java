package io.hookline.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds short bursts of one pure tone (the sync beeps) in audio, with their onset to within a millisecond or so.
 *
 * <p>A sliding window of five tone periods measures the tone's amplitude and what share of the window's power it
 * holds. A beep is where that share is high: a level-independent test, so a beep is found in quiet and inside a loud
 * roar alike, and after any gain or loudness normalisation. Its onset is where the amplitude reaches half the beep's
 * peak, less half a window, which is where the tone really starts. Tones much weaker than the strongest one are
 * dropped: lossy codecs smear a little of each beep just before and after it.
 */
public final class ToneDetector {
    private static final int WINDOW_PERIODS = 5;
    private static final double MIN_SHARE = 0.25;
    private static final double MIN_AMPLITUDE = 0.003; // about -50 dBFS
    private static final double MIN_SHARE_OF_STRONGEST = 0.25; // -12 dB; codec smear is around -28 dB

    /** A tone found in the audio; times are from the first sample, amplitude is its peak (1 = full scale). */
    public record Tone(long onsetUs, long durationUs, double amplitude) {}

    private final int sampleRate;
    private final double omega;
    private final int window;

    public ToneDetector(int sampleRate, double toneHz) {
        this.sampleRate = sampleRate;
        this.omega = 2 * Math.PI * toneHz / sampleRate;
        this.window = (int) Math.round(WINDOW_PERIODS * sampleRate / toneHz);
    }

    public List<Tone> find(float[] samples) {
        float[] amplitude = new float[samples.length];
        boolean[] tonal = new boolean[samples.length];
        measure(samples, amplitude, tonal);

        List<Tone> tones = new ArrayList<>();
        int i = 0;
        while (i < samples.length) {
            if (!tonal[i]) {
                i++;
                continue;
            }
            int end = i;
            // Bridge short dips so one beep is not reported twice.
            for (int j = i; j < samples.length && j - end < window; j++) {
                if (tonal[j]) {
                    end = j;
                }
            }
            tones.add(tone(amplitude, i, end));
            i = end + 1;
        }
        double strongest = tones.stream().mapToDouble(Tone::amplitude).max().orElse(0);
        return tones.stream()
                .filter(tone -> tone.amplitude() >= MIN_SHARE_OF_STRONGEST * strongest)
                .toList();
    }

    private Tone tone(float[] amplitude, int from, int to) {
        int peak = from;
        for (int j = from; j <= to; j++) {
            if (amplitude[j] > amplitude[peak]) {
                peak = j;
            }
        }
        float half = amplitude[peak] / 2;
        int rise = peak;
        while (rise > Math.max(0, from - window) && amplitude[rise - 1] >= half) {
            rise--;
        }
        int fall = peak;
        while (fall < Math.min(amplitude.length - 1, to + window) && amplitude[fall + 1] >= half) {
            fall++;
        }
        // The window ending at `rise` is half full of tone: the tone began half a window earlier.
        long onset = Math.max(0, rise - window / 2 + 1);
        return new Tone(toUs(onset), toUs(fall - rise), amplitude[peak]);
    }

    /** Sliding sums over the window: the signal against the tone's cosine and sine, and its power. */
    private void measure(float[] samples, float[] amplitude, boolean[] tonal) {
        double[] inPhase = new double[window];
        double[] quadrature = new double[window];
        double[] power = new double[window];
        double sumI = 0;
        double sumQ = 0;
        double sumP = 0;
        for (int i = 0; i < samples.length; i++) {
            int slot = i % window;
            double phase = omega * i;
            double x = samples[i];
            double ii = x * Math.cos(phase);
            double qq = x * Math.sin(phase);
            double pp = x * x;
            sumI += ii - inPhase[slot];
            sumQ += qq - quadrature[slot];
            sumP += pp - power[slot];
            inPhase[slot] = ii;
            quadrature[slot] = qq;
            power[slot] = pp;
            double toneEnergy = sumI * sumI + sumQ * sumQ;
            amplitude[i] = (float) (2 * Math.sqrt(toneEnergy) / window);
            // share = tone power / mean power = (2 * toneEnergy / window^2) / (sumP / window)
            tonal[i] = amplitude[i] >= MIN_AMPLITUDE && 2 * toneEnergy >= MIN_SHARE * window * sumP;
        }
    }

    private long toUs(long samples) {
        return Math.round(samples * 1e6 / sampleRate);
    }
}

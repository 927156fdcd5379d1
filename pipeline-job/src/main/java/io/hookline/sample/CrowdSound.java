package io.hookline.sample;

import java.util.List;

/**
 * The synthetic match's stereo soundtrack, generated sample by sample in order: a quiet crowd bed, a loud roar at
 * each burst time, and a short 1 kHz sync beep at the start of every second.
 *
 * <p>The crowd is band-limited noise with a notch at the beep frequency, so a beep stands out even inside a roar and
 * a test can find its onset precisely. Everything comes from a fixed-seed generator, so the same settings always give
 * the same samples.
 */
final class CrowdSound {
    static final double BEEP_HZ = 1000;
    private static final double BEEP_AMPLITUDE = 0.5; // -6 dBFS peak
    private static final double BED_RMS = 0.0316; // -30 dBFS
    private static final double BURST_RMS = 0.398; // -8 dBFS at the roar's peak
    private static final double BURST_SECONDS = 2.0;

    private static final double ATTACK_SECONDS = 0.06;
    private static final double HOLD_SECONDS = 0.5;
    private static final double DECAY_SECONDS = 0.35;
    private static final double FADE_SECONDS = 0.2;
    private static final double SWELL_SECONDS = 3.7;
    private static final double SWELL_DEPTH = 0.3;
    private static final double CLIP_KNEE = 0.8;
    private static final long SEED = 0x486F6F6B6C696E65L;

    private final int sampleRate;
    private final int beepSamples;
    private final long[] burstStarts;
    private final double noiseGain;
    private final Channel left;
    private final Channel right;
    private long position;

    CrowdSound(int sampleRate, int fps, List<Long> burstTimesMs) {
        this.sampleRate = sampleRate;
        this.beepSamples = Math.round((float) sampleRate / fps);
        this.burstStarts = burstTimesMs.stream()
                .sorted()
                .mapToLong(ms -> ms * sampleRate / 1000)
                .toArray();
        this.noiseGain = 1 / Math.sqrt(Channel.noisePowerGain(sampleRate) / 3); // uniform noise has variance 1/3
        this.left = new Channel(sampleRate, SEED);
        this.right = new Channel(sampleRate, ~SEED);
    }

    /** Writes the next {@code count} samples of each channel. */
    void render(float[] leftOut, float[] rightOut, int count) {
        for (int i = 0; i < count; i++, position++) {
            double seconds = (double) position / sampleRate;
            double swell = (1 + SWELL_DEPTH * Math.sin(2 * Math.PI * seconds / SWELL_SECONDS))
                    / Math.sqrt(1 + SWELL_DEPTH * SWELL_DEPTH / 2);
            double bed = BED_RMS * noiseGain * swell;
            double burst = BURST_RMS * noiseGain * burstEnvelope(position);
            double beep = beep(position);
            leftOut[i] = (float) softClip(bed * left.bedNoise() + burst * left.burstNoise() + beep);
            rightOut[i] = (float) softClip(bed * right.bedNoise() + burst * right.burstNoise() + beep);
        }
    }

    /** The beep starts exactly with every whole second, which is the first sample of each frame n = k * fps. */
    private double beep(long sample) {
        long offset = sample % sampleRate;
        return offset < beepSamples ? BEEP_AMPLITUDE * Math.sin(2 * Math.PI * BEEP_HZ * offset / sampleRate) : 0;
    }

    /** The loudest roar at this sample; overlapping roars do not add up. */
    private double burstEnvelope(long sample) {
        double envelope = 0;
        long length = (long) (BURST_SECONDS * sampleRate);
        for (int i = 0; i < burstStarts.length && burstStarts[i] <= sample; i++) {
            long since = sample - burstStarts[i];
            if (since < length) {
                envelope = Math.max(envelope, roar((double) since / sampleRate));
            }
        }
        return envelope;
    }

    private static double roar(double t) {
        if (t < ATTACK_SECONDS) {
            return t / ATTACK_SECONDS;
        }
        double level =
                t < ATTACK_SECONDS + HOLD_SECONDS ? 1 : Math.exp(-(t - ATTACK_SECONDS - HOLD_SECONDS) / DECAY_SECONDS);
        double left = BURST_SECONDS - t;
        return left < FADE_SECONDS ? level * left / FADE_SECONDS : level;
    }

    /** Rounds off peaks above the knee instead of clipping them hard; quieter samples pass unchanged. */
    private static double softClip(double x) {
        double magnitude = Math.abs(x);
        if (magnitude <= CLIP_KNEE) {
            return x;
        }
        double room = 1 - CLIP_KNEE;
        return Math.signum(x) * (CLIP_KNEE + room * Math.tanh((magnitude - CLIP_KNEE) / room));
    }

    /** One channel's two independent noise sources, each shaped like a crowd and notched at the beep frequency. */
    private static final class Channel {
        private static final double CROWD_HZ = 700;
        private static final double CROWD_Q = 0.6;
        private static final double NOTCH_Q = 0.7;

        private final Noise bed;
        private final Noise burst;

        Channel(int sampleRate, long seed) {
            this.bed = new Noise(sampleRate, seed);
            this.burst = new Noise(sampleRate, seed * 31 + 17);
        }

        double bedNoise() {
            return bed.next();
        }

        double burstNoise() {
            return burst.next();
        }

        /** The filters' power gain (sum of the squared impulse response), to scale the noise to a target RMS. */
        static double noisePowerGain(int sampleRate) {
            Biquad crowd = Biquad.bandPass(CROWD_HZ, CROWD_Q, sampleRate);
            Biquad notch = Biquad.notch(BEEP_HZ, NOTCH_Q, sampleRate);
            double sum = 0;
            for (int i = 0; i < sampleRate; i++) {
                double y = notch.apply(crowd.apply(i == 0 ? 1 : 0));
                sum += y * y;
            }
            return sum;
        }

        private static final class Noise {
            private final Biquad crowd;
            private final Biquad notch;
            private long state;

            Noise(int sampleRate, long seed) {
                this.crowd = Biquad.bandPass(CROWD_HZ, CROWD_Q, sampleRate);
                this.notch = Biquad.notch(BEEP_HZ, NOTCH_Q, sampleRate);
                this.state = seed;
            }

            double next() {
                return notch.apply(crowd.apply(uniform()));
            }

            /** SplitMix64: tiny, fast and fully specified, so the noise is the same on every JVM. */
            private double uniform() {
                state += 0x9E3779B97F4A7C15L;
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                return (z >>> 11) * 0x1.0p-53 * 2 - 1;
            }
        }
    }
}

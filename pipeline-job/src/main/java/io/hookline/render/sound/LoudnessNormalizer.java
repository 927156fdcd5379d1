package io.hookline.render.sound;

import io.hookline.render.analysis.KWeightedLoudness;
import io.hookline.render.media.TruePeak;

/**
 * Brings a clip's sound to its profile's loudness (EBU R128: integrated loudness per ITU-R BS.1770) with the
 * true peak under the profile's ceiling: one gain for the whole clip, so the crowd's rise and fall stays as
 * it was, and a look-ahead limiter only where the gain would push a peak over.
 */
final class LoudnessNormalizer {
    /** The limiter aims this far under the ceiling: AAC encoding can raise peaks a little. */
    static final double MARGIN_DB = 1.0;

    private static final double LOOKAHEAD_S = 0.005;
    private static final double RELEASE_S = 0.03;

    private LoudnessNormalizer() {}

    /** Close enough to the target to stop adjusting: well inside the ±1 LU a check allows. */
    static final double CONVERGED_LU = 0.1;

    private static final int ROUNDS = 8;

    /**
     * A sound measured once for every loudness target and ceiling it is brought to: its integrated loudness
     * and, unless it is silent, its oversampled envelope (peaks scale with the gain, so one serves every gain).
     */
    record Measured(float[][] pcm, int count, double integratedLufs, float[] peaks) {}

    /** Measures 48 kHz planar samples, which must not change afterwards. */
    static Measured measure(float[][] pcm, int count) {
        double integrated = KWeightedLoudness.integrated(pcm, count);
        return new Measured(
                pcm, count, integrated, integrated <= KWeightedLoudness.SILENCE ? null : TruePeak.envelope(pcm, count));
    }

    /**
     * The sound brought to the target, in new arrays. Peaky sound (a whistle, a clap close to the microphone)
     * loses loudness to the limiter, so the gain is raised until the limited result meets the target; never
     * by more than {@code maxGainDb}, so a near-silent clip is not made into loud noise.
     */
    static float[][] normalized(Measured sound, double targetLufs, double ceilingDbtp, double maxGainDb) {
        int count = sound.count();
        float[][] pcm = new float[sound.pcm().length][count];
        if (sound.peaks() == null) {
            for (int c = 0; c < pcm.length; c++) {
                System.arraycopy(sound.pcm()[c], 0, pcm[c], 0, count);
            }
            return pcm;
        }
        float ceiling = (float) Math.pow(10, (ceilingDbtp - MARGIN_DB) / 20);
        // Each dB of gain buys less than a dB of loudness once the limiter works: follow the measured slope.
        double gainDb = targetLufs - sound.integratedLufs();
        double previousGain = Double.NaN;
        double previousLoudness = Double.NaN;
        for (int round = 0; round < ROUNDS; round++) {
            double loudness = apply(pcm, sound.pcm(), sound.peaks(), count, Math.min(maxGainDb, gainDb), ceiling);
            double error = targetLufs - loudness;
            if (Math.abs(error) < CONVERGED_LU || gainDb >= maxGainDb) {
                return pcm;
            }
            double slope = Double.isNaN(previousGain) || loudness == previousLoudness
                    ? 1
                    : Math.max(0.1, Math.min(1, (loudness - previousLoudness) / (gainDb - previousGain)));
            previousGain = gainDb;
            previousLoudness = loudness;
            gainDb += Math.min(6, error / slope);
        }
        return pcm;
    }

    /** {@code pcm} = {@code original} with the gain and the limiter applied; returns its loudness. */
    private static double apply(
            float[][] pcm, float[][] original, float[] peaks, int count, double gainDb, float ceiling) {
        float gain = (float) Math.pow(10, gainDb / 20);
        for (int c = 0; c < pcm.length; c++) {
            for (int i = 0; i < count; i++) {
                pcm[c][i] = original[c][i] * gain;
            }
        }
        limit(pcm, count, ceiling / gain, peaks);
        return KWeightedLoudness.integrated(pcm, count);
    }

    /**
     * Gain reduction that reaches its depth before each true peak over the limit and lets go soon after.
     *
     * @param ceiling the limit on the scale of {@code peaks}
     */
    private static void limit(float[][] pcm, int count, float ceiling, float[] peaks) {
        int look = (int) (LOOKAHEAD_S * KWeightedLoudness.RATE);
        float[] needed = new float[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            needed[i] = peaks[i] > ceiling ? ceiling / peaks[i] : 1f;
            any |= needed[i] < 1f;
        }
        if (!any) {
            return;
        }
        float[] held = slidingMin(needed, look);
        float release = (float) (1 - Math.exp(-1 / (RELEASE_S * KWeightedLoudness.RATE)));
        float g = 1f;
        float[] gain = new float[count];
        for (int i = 0; i < count; i++) {
            g = held[i] < g ? held[i] : g + (held[i] - g) * release;
            gain[i] = g;
        }
        // Smooth the attack over the look-ahead, never above what the window needs.
        float[] smooth = movingAverage(gain, look);
        for (float[] channel : pcm) {
            for (int i = 0; i < count; i++) {
                channel[i] *= Math.min(smooth[i], held[i]);
            }
        }
    }

    /** The minimum over [i - w, i + w], with a deque of indices kept in an int array (no boxing: it runs per sample). */
    static float[] slidingMin(float[] x, int w) {
        float[] out = new float[x.length];
        int[] window = new int[x.length];
        int head = 0;
        int tail = 0;
        for (int i = 0, j = 0; i < x.length; i++) {
            for (; j < x.length && j <= i + w; j++) {
                while (tail > head && x[window[tail - 1]] >= x[j]) {
                    tail--;
                }
                window[tail++] = j;
            }
            while (window[head] < i - w) {
                head++;
            }
            out[i] = x[window[head]];
        }
        return out;
    }

    private static float[] movingAverage(float[] x, int w) {
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int from = Math.max(0, i - w / 2);
            int to = Math.min(x.length, i + w / 2 + 1);
            out[i] = (float) ((prefix[to] - prefix[from]) / (to - from));
        }
        return out;
    }
}

package io.hookline.render.media;

import java.util.Arrays;

/**
 * True peak (ITU-R BS.1770 annex 2): the signal is oversampled four times, so peaks between samples, the
 * ones a decoder or a loudspeaker actually produces, are seen. The three in-between points of each sample
 * are interpolated with a 12-tap Kaiser-windowed sinc per phase, the length the annex's filter has, computed
 * on the fly so no oversampled copy of the sound is ever held.
 */
public final class TruePeak {
    public static final int OVERSAMPLING = 4;
    /** Taps on each side of the point interpolated. */
    private static final int HALF = 6;

    private static final double KAISER_BETA = 5.0;
    /** PHASES[p - 1][j]: the weight of sample {@code i - HALF + 1 + j} at point {@code i + p/4}. */
    private static final float[][] PHASES = phases();

    private static final float GAIN_BOUND = gainBound();
    /** Samples per stretch {@link #dbtp} judges at once. */
    private static final int BLOCK = 512;

    private TruePeak() {}

    /** The oversampled signal's absolute value, the largest over channels and its four points, per sample. */
    public static float[] envelope(float[][] pcm, int count) {
        float[] envelope = new float[count];
        for (float[] channel : pcm) {
            float[] padded = padded(channel, count);
            for (int i = 0; i < count; i++) {
                envelope[i] = Math.max(envelope[i], peakAt(padded, i));
            }
        }
        return envelope;
    }

    /**
     * The true peak in dBTP; -inf for silence. Exactly the largest point of {@link #envelope}, found without
     * oversampling all of the sound: a stretch whose samples, times the most the interpolation can add, stay
     * under the peak found so far cannot hold the peak, so stretches are oversampled loudest first until the
     * rest are too quiet to matter. Most of a sound is well under its peak.
     */
    public static double dbtp(float[][] pcm, int count) {
        int blocks = (count + BLOCK - 1) / BLOCK;
        // Per channel and block, the largest sample its points read, in the high bits, above the block's number:
        // non-negative floats sort as their bits do.
        long[] loudest = new long[pcm.length * blocks];
        for (int c = 0; c < pcm.length; c++) {
            for (int b = 0; b < blocks; b++) {
                float reach = maxAbs(pcm[c], Math.max(0, b * BLOCK - HALF), Math.min(count, (b + 1) * BLOCK + HALF));
                loudest[c * blocks + b] = (long) Float.floatToIntBits(reach) << 32 | (c * blocks + b);
            }
        }
        Arrays.sort(loudest);
        float[][] padded = new float[pcm.length][];
        float max = 0;
        for (int k = loudest.length - 1; k >= 0; k--) {
            if (Float.intBitsToFloat((int) (loudest[k] >>> 32)) * GAIN_BOUND <= max) {
                break;
            }
            int unit = (int) loudest[k];
            int c = unit / blocks;
            if (padded[c] == null) {
                padded[c] = padded(pcm[c], count);
            }
            for (int i = unit % blocks * BLOCK, end = Math.min(count, i + BLOCK); i < end; i++) {
                max = Math.max(max, peakAt(padded[c], i));
            }
        }
        return 20 * Math.log10(max);
    }

    /** The sample and its three interpolated points after it, the largest in absolute value. */
    private static float peakAt(float[] padded, int i) {
        float peak = Math.abs(padded[i + HALF]);
        for (float[] taps : PHASES) {
            float v = 0;
            for (int j = 0; j < taps.length; j++) {
                v += padded[i + 1 + j] * taps[j];
            }
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }

    /** The channel with HALF zeros on each side, so every point reads a full set of taps. */
    private static float[] padded(float[] channel, int count) {
        float[] padded = new float[count + 2 * HALF];
        System.arraycopy(channel, 0, padded, HALF, count);
        return padded;
    }

    private static float maxAbs(float[] x, int from, int to) {
        float max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(x[i]));
        }
        return max;
    }

    /**
     * No point exceeds the largest sample it reads times the largest sum of absolute tap weights over the phases;
     * a little more covers float rounding in the sums.
     */
    private static float gainBound() {
        float bound = 1;
        for (float[] taps : PHASES) {
            float sum = 0;
            for (float t : taps) {
                sum += Math.abs(t);
            }
            bound = Math.max(bound, sum);
        }
        return bound * 1.001f;
    }

    private static float[][] phases() {
        float[][] phases = new float[OVERSAMPLING - 1][2 * HALF];
        for (int p = 1; p < OVERSAMPLING; p++) {
            double sum = 0;
            double[] taps = new double[2 * HALF];
            for (int j = 0; j < 2 * HALF; j++) {
                // Sample i - HALF + 1 + j lies this far from the point i + p/4.
                double t = (j - HALF + 1) - p / (double) OVERSAMPLING;
                taps[j] = sinc(t) * kaiser(t / HALF);
                sum += taps[j];
            }
            for (int j = 0; j < 2 * HALF; j++) {
                // Unit gain at DC, so a constant is not read as a peak.
                phases[p - 1][j] = (float) (taps[j] / sum);
            }
        }
        return phases;
    }

    private static double sinc(double t) {
        return t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    /** The Kaiser window at {@code x} in [-1, 1]. */
    private static double kaiser(double x) {
        return besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - x * x))) / besselI0(KAISER_BETA);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}

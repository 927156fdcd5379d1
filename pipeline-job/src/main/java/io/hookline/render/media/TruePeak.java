package io.hookline.render.media;

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

    private TruePeak() {}

    /** The oversampled signal's absolute value, the largest over channels and its four points, per sample. */
    public static float[] envelope(float[][] pcm, int count) {
        float[] envelope = new float[count];
        for (float[] channel : pcm) {
            float[] padded = new float[count + 2 * HALF];
            System.arraycopy(channel, 0, padded, HALF, count);
            for (int i = 0; i < count; i++) {
                float peak = Math.max(envelope[i], Math.abs(padded[i + HALF]));
                for (float[] taps : PHASES) {
                    float v = 0;
                    for (int j = 0; j < taps.length; j++) {
                        v += padded[i + 1 + j] * taps[j];
                    }
                    peak = Math.max(peak, Math.abs(v));
                }
                envelope[i] = peak;
            }
        }
        return envelope;
    }

    /** The true peak in dBTP; -inf for silence. */
    public static double dbtp(float[][] pcm, int count) {
        float max = 0;
        for (float v : envelope(pcm, count)) {
            max = Math.max(max, v);
        }
        return 20 * Math.log10(max);
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

package io.hookline.render.analysis;

/**
 * Momentary loudness (ITU-R BS.1770: K-weighting, 400 ms windows) of 48 kHz planar audio, as a series with
 * one value every 100 ms. The crowd and the commentators get loud when something happens; this is how
 * loud, in LUFS, so plays can be compared with the match's own baseline.
 */
public final class KWeightedLoudness {
    public static final int RATE = 48_000;
    public static final int HOP = RATE / 10;
    private static final int WINDOW = RATE * 4 / 10;
    /** Below this a window is silence (BS.1770's absolute gate). */
    public static final float SILENCE = -70f;

    // BS.1770-4 K-weighting at 48 kHz: a high shelf, then the RLB high-pass.
    private static final double[] SHELF = {1.53512485958697, -2.69169618940638, 1.19839281085285,
            -1.69065929318241, 0.73248077421585};
    private static final double[] HIGH_PASS = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};

    private KWeightedLoudness() {}

    /**
     * @param channels planar samples at 48 kHz
     * @return loudness of the 400 ms window ending at each 100 ms step, in LUFS ({@link #SILENCE} at most)
     */
    public static float[] momentary(float[][] channels, int count) {
        double[] energy = blockEnergies(channels, count);
        float[] out = new float[energy.length];
        for (int s = 0; s < energy.length; s++) {
            out[s] = (float) Math.max(SILENCE, lufs(energy[s]));
        }
        return out;
    }

    /**
     * Integrated loudness (BS.1770-4): the 400 ms blocks above the absolute gate (-70 LUFS), then those
     * above the relative gate (10 LU under their mean), averaged. {@link #SILENCE} for silence.
     */
    public static double integrated(float[][] channels, int count) {
        double[] energy = blockEnergies(channels, count);
        double gated = meanAbove(energy, SILENCE);
        if (Double.isNaN(gated)) {
            return SILENCE;
        }
        double result = meanAbove(energy, lufs(gated) - 10);
        return Double.isNaN(result) ? SILENCE : lufs(result);
    }

    /** Mean K-weighted energy of the 400 ms block ending at each 100 ms step (the first blocks are shorter). */
    private static double[] blockEnergies(float[][] channels, int count) {
        int steps = count / HOP;
        double[] energy = new double[count];
        for (float[] channel : channels) {
            double[] x = new double[count];
            for (int i = 0; i < count; i++) {
                x[i] = channel[i];
            }
            double[] y = filter(filter(x, SHELF), HIGH_PASS);
            for (int i = 0; i < count; i++) {
                energy[i] += y[i] * y[i];
            }
        }
        double[] prefix = new double[count + 1];
        for (int i = 0; i < count; i++) {
            prefix[i + 1] = prefix[i] + energy[i];
        }
        double[] blocks = new double[steps];
        for (int s = 0; s < steps; s++) {
            int end = (s + 1) * HOP;
            int start = Math.max(0, end - WINDOW);
            blocks[s] = (prefix[end] - prefix[start]) / (end - start);
        }
        return blocks;
    }

    private static double meanAbove(double[] energy, double gateLufs) {
        double sum = 0;
        int n = 0;
        for (double e : energy) {
            if (lufs(e) > gateLufs) {
                sum += e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double lufs(double energy) {
        return -0.691 + 10 * Math.log10(Math.max(energy, 1e-12));
    }

    private static double[] filter(double[] x, double[] c) {
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = c[0] * x[i] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = v;
        }
        return y;
    }
}

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
    private static final double[] SHELF = {
        1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585
    };
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

    /**
     * Mean K-weighted energy of the 400 ms block ending at each 100 ms step (the first blocks are shorter). Each
     * channel is filtered and squared in one pass into 100 ms sums; a block is four of them.
     */
    private static double[] blockEnergies(float[][] channels, int count) {
        int steps = count / HOP;
        double[] hops = new double[steps];
        for (float[] channel : channels) {
            addHopEnergies(channel, hops);
        }
        int perBlock = WINDOW / HOP;
        double[] blocks = new double[steps];
        double sum = 0;
        for (int s = 0; s < steps; s++) {
            sum += hops[s];
            if (s >= perBlock) {
                sum -= hops[s - perBlock];
            }
            blocks[s] = sum / (Math.min(s + 1, perBlock) * HOP);
        }
        return blocks;
    }

    /** Both K-weighting stages, the square, and a sum per 100 ms, added to {@code hops}. */
    private static void addHopEnergies(float[] x, double[] hops) {
        double sx1 = 0, sx2 = 0, sy1 = 0, sy2 = 0;
        double hy1 = 0, hy2 = 0;
        for (int h = 0, i = 0; h < hops.length; h++) {
            double energy = 0;
            for (int end = i + HOP; i < end; i++) {
                double in = x[i];
                double shelf = SHELF[0] * in + SHELF[1] * sx1 + SHELF[2] * sx2 - SHELF[3] * sy1 - SHELF[4] * sy2;
                double y = HIGH_PASS[0] * shelf
                        + HIGH_PASS[1] * sy1
                        + HIGH_PASS[2] * sy2
                        - HIGH_PASS[3] * hy1
                        - HIGH_PASS[4] * hy2;
                sx2 = sx1;
                sx1 = in;
                sy2 = sy1;
                sy1 = shelf;
                hy2 = hy1;
                hy1 = y;
                energy += y * y;
            }
            hops[h] += energy;
        }
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
}

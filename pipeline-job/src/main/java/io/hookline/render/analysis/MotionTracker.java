package io.hookline.render.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where the action is in a window of small grey frames: frame differences, with the cells that flicker
 * all the time (a running clock, a ticker, a frame counter) masked out, give per frame how much moves and the
 * centre of what moves. Large jumps in the whole picture are shot cuts.
 */
public final class MotionTracker {
    /** A pixel counts as moving when its grey level changes by more than this. */
    private static final int MOVING = 12;
    /** A pixel moving in more than this share of frames is a fixed flickering graphic, not action. */
    private static final double FLICKER = 0.3;
    /** A whole-picture mean change above this (and well above the window's usual change) is a cut. */
    private static final double CUT_MEAN = 30;

    private static final double CUT_RATIO = 4;
    /** Fewer moving pixels than this is "nothing moves". */
    private static final int MIN_MOVING = 3;
    /** Half the side of the square the mean shift looks in, as a fraction of the frame. */
    private static final double RADIUS = 0.12;

    private final int width;
    private final int height;
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    public MotionTracker(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Adds the next frame (grey, {@code width x height}, rows {@code stride} apart) shown from {@code startUs}. */
    public void add(long startUs, byte[] grey, int stride) {
        byte[] copy = new byte[width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(grey, row * stride, copy, row * width, width);
        }
        frames.add(copy);
        times.add(startUs);
    }

    /**
     * Summarises the frames in bins of {@code 1/hz} seconds from {@code originUs}: the share of the picture
     * moving, and where the action is (0..1 across and down, NaN when nothing moves).
     */
    public Motion measure(long originUs, long endUs, int hz) {
        int bins = (int) Math.max(0, (endUs - originUs) * hz / 1_000_000);
        double[] energy = new double[bins];
        double[] sumX = new double[bins];
        double[] sumY = new double[bins];
        int[] counts = new int[bins];
        int[] located = new int[bins];
        int n = frames.size();
        double[] means = new double[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            means[i - 1] = meanDifference(frames.get(i - 1), frames.get(i));
        }
        double usual = median(means);
        boolean[] flicker = flickerMask();
        List<Long> cuts = new ArrayList<>();
        double[] focus = null;
        for (int i = 1; i < n; i++) {
            if (means[i - 1] > CUT_MEAN && means[i - 1] > CUT_RATIO * Math.max(usual, 1)) {
                cuts.add(times.get(i));
                focus = null;
                continue;
            }
            int bin = (int) ((times.get(i) - originUs) * hz / 1_000_000);
            Moving moving = moving(frames.get(i - 1), frames.get(i), flicker);
            if (bin < 0 || bin >= bins) {
                continue;
            }
            counts[bin]++;
            energy[bin] += moving.total() / (255.0 * width * height);
            if (moving.count() >= MIN_MOVING) {
                focus = moving.mode(focus);
                sumX[bin] += focus[0];
                sumY[bin] += focus[1];
                located[bin]++;
            }
        }
        float[] e = new float[bins];
        float[] x = new float[bins];
        float[] y = new float[bins];
        for (int k = 0; k < bins; k++) {
            e[k] = counts[k] == 0 ? 0 : (float) (energy[k] / counts[k]);
            x[k] = located[k] == 0 ? Float.NaN : (float) (sumX[k] / located[k]);
            y[k] = located[k] == 0 ? Float.NaN : (float) (sumY[k] / located[k]);
        }
        return new Motion(e, x, y, cuts.stream().mapToLong(Long::longValue).toArray());
    }

    private Moving moving(byte[] a, byte[] b, boolean[] flicker) {
        Moving m = new Moving();
        for (int p = 0; p < a.length; p++) {
            int d = Math.abs((a[p] & 0xff) - (b[p] & 0xff));
            if (d > MOVING && !flicker[p]) {
                m.add(((p % width) + 0.5) / width, ((p / width) + 0.5) / height, d);
            }
        }
        return m;
    }

    /** The moving pixels of one frame pair: positions (0..1) and how much each changed. */
    private static final class Moving {
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private double[] ws = new double[64];
        private int count;
        private double total;

        void add(double x, double y, double w) {
            if (count == xs.length) {
                xs = Arrays.copyOf(xs, count * 2);
                ys = Arrays.copyOf(ys, count * 2);
                ws = Arrays.copyOf(ws, count * 2);
            }
            xs[count] = x;
            ys[count] = y;
            ws[count++] = w;
            total += w;
        }

        int count() {
            return count;
        }

        double total() {
            return total;
        }

        /**
         * The densest cluster of motion, found by mean shift from where the action was last (or from the
         * centre of all motion): several movers, or a mover and a flickering graphic, do not average out to
         * a point between them where nothing happens.
         */
        double[] mode(double[] previous) {
            double[] at = previous != null && weightNear(previous) > 0 ? previous.clone() : centroid();
            for (int iteration = 0; iteration < 8; iteration++) {
                double sx = 0, sy = 0, sw = 0;
                for (int i = 0; i < count; i++) {
                    if (Math.abs(xs[i] - at[0]) < RADIUS && Math.abs(ys[i] - at[1]) < RADIUS) {
                        sx += xs[i] * ws[i];
                        sy += ys[i] * ws[i];
                        sw += ws[i];
                    }
                }
                if (sw == 0) {
                    return centroid();
                }
                at[0] = sx / sw;
                at[1] = sy / sw;
            }
            return at;
        }

        private double weightNear(double[] p) {
            double w = 0;
            for (int i = 0; i < count; i++) {
                if (Math.abs(xs[i] - p[0]) < RADIUS && Math.abs(ys[i] - p[1]) < RADIUS) {
                    w += ws[i];
                }
            }
            return w;
        }

        private double[] centroid() {
            double sx = 0, sy = 0;
            for (int i = 0; i < count; i++) {
                sx += xs[i] * ws[i];
                sy += ys[i] * ws[i];
            }
            return new double[] {sx / total, sy / total};
        }
    }

    /** What moved, per bin. */
    public record Motion(float[] energy, float[] x, float[] y, long[] cutsUs) {}

    private boolean[] flickerMask() {
        int[] changes = new int[width * height];
        for (int i = 1; i < frames.size(); i++) {
            byte[] a = frames.get(i - 1);
            byte[] b = frames.get(i);
            for (int p = 0; p < a.length; p++) {
                if (Math.abs((a[p] & 0xff) - (b[p] & 0xff)) > MOVING) {
                    changes[p]++;
                }
            }
        }
        boolean[] mask = new boolean[changes.length];
        int pairs = Math.max(1, frames.size() - 1);
        for (int p = 0; p < mask.length; p++) {
            mask[p] = changes[p] > FLICKER * pairs;
        }
        return mask;
    }

    private static double meanDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int p = 0; p < a.length; p++) {
            sum += Math.abs((a[p] & 0xff) - (b[p] & 0xff));
        }
        return sum / (double) a.length;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

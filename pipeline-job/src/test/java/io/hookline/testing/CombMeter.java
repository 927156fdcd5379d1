package io.hookline.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Measures combing, the teeth two moments woven into one picture show: the share of pixels whose row stands
 * apart from both neighbouring rows (the other field) in the same direction, while matching the rows two away
 * (its own field). A progressive picture has next to none; a woven one has them wherever something moved.
 */
public final class CombMeter {
    /** Luma steps: a tooth differs from the other field by at least the first, from its own by at most the second. */
    private static final int APART = 24;

    private static final int ALIKE = 8;

    private CombMeter() {}

    /** The share of combed pixels in the most combed picture of a file. */
    public static double worst(Path file) throws IOException {
        double[] worst = {0};
        LumaFrames.walk(
                file,
                (luma, stride, width, height) -> worst[0] = Math.max(worst[0], combed(luma, stride, width, height)));
        return worst[0];
    }

    static double combed(ByteBuffer luma, int stride, int width, int height) {
        long teeth = 0;
        for (int y = 2; y + 2 < height; y++) {
            for (int x = 0; x < width; x++) {
                int here = at(luma, stride, x, y);
                int up = here - at(luma, stride, x, y - 1);
                int down = here - at(luma, stride, x, y + 1);
                boolean apart = Math.abs(up) >= APART && Math.abs(down) >= APART && (up > 0) == (down > 0);
                boolean ownField = Math.abs(here - at(luma, stride, x, y - 2)) <= ALIKE
                        && Math.abs(here - at(luma, stride, x, y + 2)) <= ALIKE;
                if (apart && ownField) {
                    teeth++;
                }
            }
        }
        return teeth / (double) (width * (height - 4));
    }

    private static int at(ByteBuffer luma, int stride, int x, int y) {
        return luma.get(y * stride + x) & 0xFF;
    }
}

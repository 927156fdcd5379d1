package io.hookline.sample;

import java.util.Arrays;

/**
 * A YUV 4:2:0 planar picture in one array: the Y plane, then U, then V, rows packed without padding. This is the
 * layout FFmpeg expects for yuv420p with alignment 1, so the array can go to the encoder as it is.
 */
public final class YuvPicture {
    /** Luma of video black and white (limited range), and neutral chroma. */
    public static final int BLACK = 16;

    public static final int WHITE = 235;
    public static final int NEUTRAL = 128;

    private final int width;
    private final int height;
    private final int chromaWidth;
    private final int chromaHeight;
    private final byte[] data;

    public YuvPicture(int width, int height) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("yuv420p needs a positive, even size, not " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.chromaWidth = width / 2;
        this.chromaHeight = height / 2;
        this.data = new byte[width * height + 2 * chromaWidth * chromaHeight];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** All three planes; the luma plane starts at 0 with a stride of {@link #width()}. */
    public byte[] data() {
        return data;
    }

    public int uOffset() {
        return width * height;
    }

    public int vOffset() {
        return uOffset() + chromaWidth * chromaHeight;
    }

    /** Copies another picture of the same size into this one. */
    public void copyFrom(YuvPicture other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("size differs: " + other.width + "x" + other.height);
        }
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /** Fills a rectangle (luma coordinates, clipped to the picture) with one colour. */
    public void fill(int x, int y, int w, int h, int luma, int u, int v) {
        fillLuma(x, y, w, h, luma);
        fillChroma(x, y, w, h, u, v);
    }

    /** Fills a rectangle of the luma plane, clipped to the picture. */
    public void fillLuma(int x, int y, int w, int h, int luma) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(width, x + w);
        int y0 = Math.max(0, y);
        int y1 = Math.min(height, y + h);
        for (int row = y0; row < y1 && x0 < x1; row++) {
            Arrays.fill(data, row * width + x0, row * width + x1, (byte) luma);
        }
    }

    /** Fills the chroma samples under a rectangle given in luma coordinates, clipped to the picture. */
    public void fillChroma(int x, int y, int w, int h, int u, int v) {
        int x0 = Math.max(0, x) / 2;
        int x1 = (Math.min(width, x + w) + 1) / 2;
        int y0 = Math.max(0, y) / 2;
        int y1 = (Math.min(height, y + h) + 1) / 2;
        for (int row = y0; row < y1 && x0 < x1; row++) {
            int line = row * chromaWidth;
            Arrays.fill(data, uOffset() + line + x0, uOffset() + line + x1, (byte) u);
            Arrays.fill(data, vOffset() + line + x0, vOffset() + line + x1, (byte) v);
        }
    }

    /** Fills a disc; chroma is set where the chroma sample's top-left luma pixel is inside. */
    public void fillDisc(double cx, double cy, double radius, int luma, int u, int v) {
        int y0 = Math.max(0, (int) Math.floor(cy - radius));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + radius));
        double r2 = radius * radius;
        for (int row = y0; row <= y1; row++) {
            double dy = row + 0.5 - cy;
            double half = r2 - dy * dy;
            if (half < 0) {
                continue;
            }
            double reach = Math.sqrt(half);
            int from = Math.max(0, (int) Math.ceil(cx - reach - 0.5));
            int to = Math.min(width - 1, (int) Math.floor(cx + reach - 0.5));
            if (from > to) {
                continue;
            }
            Arrays.fill(data, row * width + from, row * width + to + 1, (byte) luma);
            if (row % 2 == 0) {
                int line = (row / 2) * chromaWidth;
                for (int c = (from + 1) / 2; c <= to / 2; c++) {
                    data[uOffset() + line + c] = (byte) u;
                    data[vOffset() + line + c] = (byte) v;
                }
            }
        }
    }
}

package io.hookline.render.graphics;

import io.hookline.render.media.Picture;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A graphic ready to lay over yuv420p frames: its pixels converted once to luma, chroma and opacity, its place
 * in the frame (on even pixels, so chroma lines up), and the stretch of source time it shows during. Showing
 * by source time means a moment looks the same in every clip that shows it.
 */
public final class Overlay {
    private final BufferedImage image;
    private final int x;
    private final int y;
    private final int width;
    private final int height;
    private final long fromUs;
    private final long toUs;
    private final byte[] luma;
    private final byte[] alpha;
    private final byte[] cb;
    private final byte[] cr;
    private final byte[] chromaAlpha;
    private final String signature;

    Overlay(BufferedImage image, int x, int y, long fromUs, long toUs) {
        this.image = image;
        this.x = x & ~1;
        this.y = y & ~1;
        this.width = image.getWidth() & ~1;
        this.height = image.getHeight() & ~1;
        this.fromUs = fromUs;
        this.toUs = toUs;
        this.luma = new byte[width * height];
        this.alpha = new byte[width * height];
        int cw = width / 2;
        int ch = height / 2;
        this.cb = new byte[cw * ch];
        this.cr = new byte[cw * ch];
        this.chromaAlpha = new byte[cw * ch];
        convert(image);
        this.signature = digest();
    }

    /** Whether it shows on the frame shown from {@code sourceUs}. */
    public boolean showsAt(long sourceUs) {
        return sourceUs >= fromUs && sourceUs < toUs;
    }

    /** Whether it shows anywhere in [startUs, endUs). */
    public boolean overlaps(long startUs, long endUs) {
        return fromUs < endUs && toUs > startUs;
    }

    /** The picture as drawn, before conversion. */
    public BufferedImage image() {
        return image;
    }

    /** The left edge in the frame, in pixels (even). */
    public int x() {
        return x;
    }

    /** The top edge in the frame, in pixels (even). */
    public int y() {
        return y;
    }

    /** The source time it shows from. */
    public long fromUs() {
        return fromUs;
    }

    /** The source time it shows until. */
    public long toUs() {
        return toUs;
    }

    /** Identifies pixels, place and timing: part of the cache key of every segment it shows on. */
    public String signature() {
        return signature;
    }

    /** A new yuv420p picture of this size, black, with this graphic drawn on it; the caller closes it. */
    public Picture onBlackFrame(int frameWidth, int frameHeight) {
        Picture frame = Picture.blank(frameWidth, frameHeight, 16, 128, 128);
        drawOn(frame);
        return frame;
    }

    /** Blends this graphic into a writable yuv420p frame. */
    public void drawOn(Picture frame) {
        int w = Math.min(width, frame.width() - x);
        int h = Math.min(height, frame.height() - y);
        if (w <= 0 || h <= 0) {
            return;
        }
        blend(frame, 0, x, y, w, h, luma, alpha, width);
        blend(frame, 1, x / 2, y / 2, w / 2, h / 2, cb, chromaAlpha, width / 2);
        blend(frame, 2, x / 2, y / 2, w / 2, h / 2, cr, chromaAlpha, width / 2);
    }

    /** The pixels of a yuv420p frame this graphic covers, per plane, so they can be put back after drawing. */
    byte[][] under(Picture frame) {
        byte[][] planes = new byte[3][];
        copyUnder(frame, planes, true);
        return planes;
    }

    /** Puts back pixels taken by {@link #under} from the same frame. */
    void restore(Picture frame, byte[][] planes) {
        copyUnder(frame, planes, false);
    }

    /** Copies the pixels under this graphic, as far as it lies inside the frame, into {@code planes} or back. */
    private void copyUnder(Picture frame, byte[][] planes, boolean read) {
        int w = Math.max(0, Math.min(width, frame.width() - x));
        int h = Math.max(0, Math.min(height, frame.height() - y));
        for (int p = 0; p < 3; p++) {
            int shift = p == 0 ? 0 : 1;
            int rowBytes = w >> shift;
            if (read) {
                planes[p] = new byte[rowBytes * (h >> shift)];
            }
            for (int r = 0; r < h >> shift; r++) {
                long offset = (long) ((y >> shift) + r) * frame.stride(p) + (x >> shift);
                if (read) {
                    frame.read(p, offset, planes[p], r * rowBytes, rowBytes);
                } else {
                    frame.write(p, offset, planes[p], r * rowBytes, rowBytes);
                }
            }
        }
    }

    private static void blend(
            Picture frame, int plane, int px, int py, int w, int h, byte[] value, byte[] opacity, int rowLength) {
        int stride = frame.stride(plane);
        byte[] row = new byte[w];
        for (int r = 0; r < h; r++) {
            long offset = (long) (py + r) * stride + px;
            frame.read(plane, offset, row, 0, w);
            for (int c = 0; c < w; c++) {
                int a = opacity[r * rowLength + c] & 0xff;
                if (a != 0) {
                    int under = row[c] & 0xff;
                    row[c] = (byte) ((under * (255 - a) + (value[r * rowLength + c] & 0xff) * a + 127) / 255);
                }
            }
            frame.write(plane, offset, row, 0, w);
        }
    }

    /** BT.601 limited range, as the renditions are encoded. */
    private void convert(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            luma[i] = (byte) Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
            alpha[i] = (byte) (p >>> 24);
        }
        int cw = width / 2;
        for (int j = 0; j < height / 2; j++) {
            for (int i = 0; i < cw; i++) {
                double u = 0, v = 0, a = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = argb[(2 * j + dy) * width + 2 * i + dx];
                        double pa = (p >>> 24) / 255.0;
                        int r = (p >> 16) & 0xff;
                        int g = (p >> 8) & 0xff;
                        int b = p & 0xff;
                        u += pa * (128 - 0.148 * r - 0.291 * g + 0.439 * b);
                        v += pa * (128 + 0.439 * r - 0.368 * g - 0.071 * b);
                        a += pa;
                    }
                }
                chromaAlpha[j * cw + i] = (byte) Math.round(a / 4 * 255);
                cb[j * cw + i] = (byte) (a == 0 ? 128 : Math.round(u / a));
                cr[j * cw + i] = (byte) (a == 0 ? 128 : Math.round(v / a));
            }
        }
    }

    private String digest() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(32)
                    .putInt(x)
                    .putInt(y)
                    .putInt(width)
                    .putInt(height)
                    .putLong(fromUs)
                    .putLong(toUs)
                    .array());
            d.update(luma);
            d.update(alpha);
            d.update(cb);
            d.update(cr);
            return HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.hookline.render;

import io.hookline.profiles.Fit;
import io.hookline.profiles.VideoSpec;

/**
 * The filter chain that puts a source frame into a rendition's frame. Cropping happens before scaling,
 * so a 16:9 source going to 9:16 scales only the slice it keeps.
 */
final class FrameGeometry {

    private FrameGeometry() {}

    /** The part of a source frame a CROP rendition keeps, centred; its x can then move with the action. */
    record CropBox(int width, int height, int x, int y) {
        /** Whether the crop cuts the sides (a wide source into a narrower frame), so it can pan. */
        boolean pans(int srcWidth) {
            return width < srcWidth;
        }

        /** The crop's left edge for a centre at {@code centre} (a fraction of the source width), kept even. */
        int xFor(double centre, int srcWidth) {
            int left = (int) Math.round(centre * srcWidth - width / 2.0);
            return Math.max(0, Math.min(srcWidth - width, left / 2 * 2));
        }
    }

    static CropBox cropBox(int srcWidth, int srcHeight, int width, int height) {
        double target = width / (double) height;
        double source = srcWidth / (double) srcHeight;
        int cropW = srcWidth;
        int cropH = srcHeight;
        if (source > target) {
            cropW = even(srcHeight * target);
        } else {
            cropH = even(srcWidth / target);
        }
        return new CropBox(cropW, cropH, (srcWidth - cropW) / 2 / 2 * 2, (srcHeight - cropH) / 2 / 2 * 2);
    }

    static String chain(int srcWidth, int srcHeight, int width, int height, Fit fit, boolean draftScaling) {
        String scaleFlags = draftScaling ? "fast_bilinear" : "bicubic";
        String tail = ",setsar=1,format=yuv420p";
        double target = width / (double) height;
        double source = srcWidth / (double) srcHeight;
        if (fit == Fit.CROP) {
            CropBox box = cropBox(srcWidth, srcHeight, width, height);
            String crop = box.width() == srcWidth && box.height() == srcHeight
                    ? ""
                    : "crop=" + box.width() + ":" + box.height() + ":" + box.x() + ":" + box.y() + ",";
            return crop + scale(width, height, scaleFlags) + tail;
        }
        int fitW = width;
        int fitH = height;
        if (source > target) {
            fitH = even(width / source);
        } else {
            fitW = even(height * source);
        }
        String pad = fitW == width && fitH == height
                ? ""
                : ",pad=" + width + ":" + height + ":" + (width - fitW) / 2 + ":" + (height - fitH) / 2 + ":black";
        return scale(fitW, fitH, scaleFlags) + pad + tail;
    }

    private static String scale(int w, int h, String flags) {
        return "scale=" + w + ":" + h + ":flags=" + flags;
    }

    private static int even(double v) {
        return Math.max(2, (int) Math.round(v / 2) * 2);
    }

    /** The frame size a draft rendition uses: a quarter of the area, kept even. */
    static int draftSize(int size) {
        return Math.max(16, (size / 2) / 2 * 2);
    }

    /** Rendition frame size, reduced in draft mode. */
    static int[] frameSize(VideoSpec spec, boolean draft) {
        return draft
                ? new int[] {draftSize(spec.width()), draftSize(spec.height())}
                : new int[] {spec.width(), spec.height()};
    }
}

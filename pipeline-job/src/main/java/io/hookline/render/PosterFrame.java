package io.hookline.render;

import io.hookline.render.media.Picture;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A rendition's poster: one filtered yuv420p frame (the peak, in the rendition's frame) as a picture. */
final class PosterFrame {
    private final BufferedImage image;

    private PosterFrame(BufferedImage image) {
        this.image = image;
    }

    /** Copies the frame now: the filter reuses its output frame. */
    static PosterFrame of(Picture yuv) {
        int w = yuv.width();
        int h = yuv.height();
        byte[] y = plane(yuv, 0, h);
        byte[] u = plane(yuv, 1, h / 2);
        byte[] v = plane(yuv, 2, h / 2);
        int ys = yuv.stride(0);
        int cs = yuv.stride(1);
        // Written straight into the image's bytes, in the order the image writers take without converting.
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                // BT.601 limited range, which is what the renditions are encoded as.
                double luma = 1.164 * ((y[j * ys + i] & 0xff) - 16);
                double cb = (u[(j / 2) * cs + i / 2] & 0xff) - 128;
                double cr = (v[(j / 2) * cs + i / 2] & 0xff) - 128;
                int at = 3 * (j * w + i);
                bgr[at] = clamp(luma + 2.017 * cb);
                bgr[at + 1] = clamp(luma - 0.392 * cb - 0.813 * cr);
                bgr[at + 2] = clamp(luma + 1.596 * cr);
            }
        }
        return new PosterFrame(image);
    }

    /** Writes a PNG when the file name ends in .png, else a JPEG. */
    void write(Path file) throws IOException {
        String format = file.getFileName().toString().endsWith(".png") ? "png" : "jpg";
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no " + format + " writer available");
        }
    }

    private static byte[] plane(Picture frame, int index, int rows) {
        byte[] bytes = new byte[frame.stride(index) * rows];
        frame.read(index, 0, bytes, 0, bytes.length);
        return bytes;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}

package io.hookline.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Walks the luma plane of every decoded picture of a file, for tests that look at what is on screen. */
public final class LumaFrames {

    /** Receives one picture's luma. */
    @FunctionalInterface
    public interface Visitor {
        void picture(ByteBuffer luma, int stride, int width, int height);
    }

    private LumaFrames() {}

    public static void walk(Path file, Visitor visitor) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                visitor.picture((ByteBuffer) frame.image[0], frame.imageStride, frame.imageWidth, frame.imageHeight);
            }
        }
    }
}

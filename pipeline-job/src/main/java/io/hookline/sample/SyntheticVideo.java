package io.hookline.sample;

import io.hookline.render.media.RawMp4Writer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a synthetic match video: H.264 yuv420p with a keyframe every second, plus optional 48 kHz stereo AAC.
 *
 * <p>Frame {@code n} is presented at exactly {@code n / fps} seconds and carries {@code n} in its {@link FrameCode}.
 * The audio has a 1 kHz sync beep, one frame long, starting exactly with every frame whose number is a multiple of
 * fps, so a test can check A/V sync of anything cut from this video. Same spec, same pixels and samples.
 */
public final class SyntheticVideo {
    public static final int SAMPLE_RATE = RawMp4Writer.SAMPLE_RATE;
    public static final int CHANNELS = RawMp4Writer.CHANNELS;
    public static final double BEEP_HZ = CrowdSound.BEEP_HZ;

    /**
     * What to generate.
     *
     * @param burstTimesMs where a loud crowd roar starts (it lasts about two seconds)
     */
    public record Spec(int width, int height, int fps, long durationMs, boolean audio, List<Long> burstTimesMs) {
        public Spec {
            if (width <= 0 || height < 120 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException(
                        "size must be even and at least 120 rows high, not " + width + "x" + height);
            }
            if (fps <= 0 || audio && SAMPLE_RATE % fps != 0) {
                throw new IllegalArgumentException(
                        "fps must divide " + SAMPLE_RATE + " so a beep is exactly one frame" + " long, not " + fps);
            }
            if (durationMs * fps < 1000) {
                throw new IllegalArgumentException("duration must hold at least one frame, not " + durationMs + " ms");
            }
            burstTimesMs = List.copyOf(burstTimesMs);
            if (frameCount() > FrameCode.MAX_FRAME_NUMBER + 1) {
                throw new IllegalArgumentException("too many frames for a frame code: " + frameCount());
            }
        }

        /** Frames in the video: the whole frames that fit in the duration. */
        public long frameCount() {
            return durationMs * fps / 1000;
        }
    }

    private SyntheticVideo() {}

    /**
     * Where the ball is in frame {@code n} of a video made from {@code spec}: its centre as fractions of the
     * frame's width and height, and its radius as a fraction of the height. Tests use it as the ground truth
     * of "where the action is".
     */
    public static double[] ball(Spec spec, long n) {
        PitchPicture painter = new PitchPicture(spec.width(), spec.height(), spec.fps(), spec.frameCount());
        double[] px = painter.ball(n);
        return new double[] {px[0] / spec.width(), px[1] / spec.height(), painter.ballRadius() / spec.height()};
    }

    /** Writes the video to {@code file} (MP4, whatever the name ends with). */
    public static void write(Spec spec, Path file) throws IOException {
        int width = spec.width();
        int height = spec.height();
        PitchPicture painter = new PitchPicture(width, height, spec.fps(), spec.frameCount());
        YuvPicture picture = new YuvPicture(width, height);
        CrowdSound sound = spec.audio() ? new CrowdSound(SAMPLE_RATE, spec.fps(), spec.burstTimesMs()) : null;
        int samplesPerFrame = SAMPLE_RATE / spec.fps();
        float[] left = new float[samplesPerFrame];
        float[] right = new float[samplesPerFrame];
        try (RawMp4Writer writer = new RawMp4Writer(file, width, height, spec.fps(), spec.audio())) {
            for (long n = 0; n < spec.frameCount(); n++) {
                painter.paint(n, picture);
                writer.writePicture(picture.data());
                if (sound != null) {
                    sound.render(left, right, samplesPerFrame);
                    writer.writeSamples(left, right);
                }
            }
        }
    }
}

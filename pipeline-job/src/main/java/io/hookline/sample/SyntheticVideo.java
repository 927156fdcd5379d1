package io.hookline.sample;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes a synthetic match video: H.264 yuv420p with a keyframe every second, plus optional 48 kHz stereo AAC.
 *
 * <p>Frame {@code n} is presented at exactly {@code n / fps} seconds and carries {@code n} in its {@link FrameCode}.
 * The audio has a 1 kHz sync beep, one frame long, starting exactly with every frame whose number is a multiple of
 * fps, so a test can check A/V sync of anything cut from this video. Same spec, same pixels and samples.
 */
public final class SyntheticVideo {
    public static final int SAMPLE_RATE = 48_000;
    public static final int CHANNELS = 2;
    public static final double BEEP_HZ = CrowdSound.BEEP_HZ;

    /**
     * What to generate.
     *
     * @param burstTimesMs where a loud crowd roar starts (it lasts about two seconds)
     */
    public record Spec(int width, int height, int fps, long durationMs, boolean audio, List<Long> burstTimesMs) {
        public Spec {
            if (width <= 0 || height < 120 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("size must be even and at least 120 rows high, not "
                        + width + "x" + height);
            }
            if (fps <= 0 || audio && SAMPLE_RATE % fps != 0) {
                throw new IllegalArgumentException("fps must divide " + SAMPLE_RATE + " so a beep is exactly one frame"
                        + " long, not " + fps);
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

    private SyntheticVideo() {
    }

    /** Writes the video to {@code file} (MP4, whatever the name ends with). */
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

    public static void write(Spec spec, Path file) throws IOException {
        int width = spec.width();
        int height = spec.height();
        PitchPicture painter = new PitchPicture(width, height, spec.fps(), spec.frameCount());
        YuvPicture picture = new YuvPicture(width, height);
        ByteBuffer pixels = ByteBuffer.allocateDirect(picture.data().length);
        CrowdSound sound = spec.audio() ? new CrowdSound(SAMPLE_RATE, spec.fps(), spec.burstTimesMs()) : null;
        int samplesPerFrame = SAMPLE_RATE / spec.fps();
        float[] left = new float[samplesPerFrame];
        float[] right = new float[samplesPerFrame];

        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height,
                spec.audio() ? CHANNELS : 0)) {
            configure(recorder, spec);
            // JavaCV's recorder prints the muxer's banner and the encoder's summary; only errors matter here.
            av_log_set_level(AV_LOG_ERROR);
            recorder.start();
            for (long n = 0; n < spec.frameCount(); n++) {
                painter.paint(n, picture);
                pixels.clear().put(picture.data()).flip();
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, AV_PIX_FMT_YUV420P, pixels);
                if (sound != null) {
                    sound.render(left, right, samplesPerFrame);
                    recorder.recordSamples(SAMPLE_RATE, CHANNELS, FloatBuffer.wrap(left), FloatBuffer.wrap(right));
                }
            }
        }
    }

    private static void configure(FFmpegFrameRecorder recorder, Spec spec) {
        recorder.setFormat("mp4");
        recorder.setVideoCodec(AV_CODEC_ID_H264);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(spec.fps());
        recorder.setGopSize(spec.fps());
        recorder.setVideoBitrate(0);
        recorder.setVideoOption("preset", "ultrafast");
        recorder.setVideoOption("crf", "20");
        // No scene-cut keyframes: keyframes land exactly on whole seconds, which makes cut points predictable.
        recorder.setVideoOption("x264-params", "scenecut=0");
        if (spec.audio()) {
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(CHANNELS);
            recorder.setAudioBitrate(160_000);
            recorder.setAudioOption("aac_coder", "fast");
        }
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes pictures and sound made in Java into an MP4: H.264 yuv420p with a keyframe every second and no
 * scene-cut keyframes (so cut points are predictable), plus optional 48 kHz stereo AAC. The sample match and the
 * tests' videos are written with it.
 */
public final class RawMp4Writer implements AutoCloseable {
    public static final int SAMPLE_RATE = 48_000;
    public static final int CHANNELS = 2;

    private final FFmpegFrameRecorder recorder;
    private final int width;
    private final int height;
    private final ByteBuffer pixels;

    /** @param audio whether the file gets a stereo sound track ({@link #writeSamples} once per picture) */
    public RawMp4Writer(Path file, int width, int height, int fps, boolean audio) throws IOException {
        this.width = width;
        this.height = height;
        this.pixels = ByteBuffer.allocateDirect(width * height * 3 / 2);
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, audio ? CHANNELS : 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(AV_CODEC_ID_H264);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(fps);
        recorder.setVideoBitrate(0);
        recorder.setVideoOption("preset", "ultrafast");
        recorder.setVideoOption("crf", "20");
        recorder.setVideoOption("x264-params", "scenecut=0");
        if (audio) {
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(CHANNELS);
            recorder.setAudioBitrate(160_000);
            recorder.setAudioOption("aac_coder", "fast");
        }
        // JavaCV's recorder prints the muxer's banner and the encoder's summary; only errors matter here.
        av_log_set_level(AV_LOG_ERROR);
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            recorder.close();
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next picture, as packed yuv420p bytes (the Y plane, then Cb, then Cr, without padding). */
    public void writePicture(byte[] yuv420p) throws IOException {
        pixels.clear().put(yuv420p, 0, pixels.capacity()).flip();
        try {
            recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, AV_PIX_FMT_YUV420P, pixels);
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("cannot encode a picture: " + e.getMessage(), e);
        }
    }

    /** The next stretch of sound, one array per channel, samples in [-1, 1]. */
    public void writeSamples(float[] left, float[] right) throws IOException {
        try {
            recorder.recordSamples(SAMPLE_RATE, CHANNELS, FloatBuffer.wrap(left), FloatBuffer.wrap(right));
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("cannot encode sound: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        recorder.close();
    }
}

package io.hookline.testing;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Interlaced video made from a frame-numbered progressive one with FFmpeg's interlace filter, as a camera
 * scanning fields would make it: frame k holds source frame 2k in its top field (the even rows) and 2k+1 in its
 * bottom field, at half the source's frame rate. Shown as it is, every moving edge and every frame code combs.
 */
public final class InterlacedVideo {

    private InterlacedVideo() {}

    /**
     * @param flagged whether the H.264 stream is coded as interlaced (the decoder then flags its frames), or
     *     stores the fields in pictures that say they are progressive
     */
    public static void write(Path progressive, Path target, boolean flagged) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(progressive.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            grabber.start();
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            try (FFmpegFrameFilter fields = new FFmpegFrameFilter("interlace=scan=tff:lowpass=off", width, height);
                    FFmpegFrameRecorder recorder =
                            new FFmpegFrameRecorder(target.toFile(), width, height, grabber.getAudioChannels())) {
                fields.setPixelFormat(AV_PIX_FMT_YUV420P);
                fields.setFrameRate(grabber.getFrameRate());
                fields.start();
                recorder.setFormat("mp4");
                recorder.setVideoCodec(AV_CODEC_ID_H264);
                recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(grabber.getFrameRate() / 2);
                recorder.setGopSize((int) Math.round(grabber.getFrameRate() / 2));
                recorder.setVideoOption("preset", "ultrafast");
                recorder.setVideoOption("crf", "16");
                if (flagged) {
                    recorder.setVideoOption("flags", "+ildct+ilme");
                }
                if (grabber.getAudioChannels() > 0) {
                    recorder.setAudioCodec(AV_CODEC_ID_AAC);
                    recorder.setSampleRate(grabber.getSampleRate());
                    recorder.setAudioBitrate(128_000);
                }
                recorder.start();
                Frame frame;
                while ((frame = grabber.grab()) != null) {
                    if (frame.image != null) {
                        fields.push(frame, AV_PIX_FMT_YUV420P);
                        Frame interlaced;
                        while ((interlaced = fields.pull()) != null) {
                            recorder.record(interlaced, AV_PIX_FMT_YUV420P);
                        }
                    } else if (frame.samples != null) {
                        recorder.record(frame);
                    }
                }
            }
        }
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Cuts a finished video into MPEG-TS segments by packet copy, without decoding: each segment starts with a video
 * keyframe and lasts at least the target, so with a keyframe every second and a one-second target every segment
 * is exactly one GOP. Timestamps are copied as they are, so the segments joined are one continuous timeline.
 */
public final class TsSegments implements AutoCloseable {

    /** A segment written: where it starts and ends on the video's timeline (its first video frame is at 0). */
    public record Cut(long startUs, long endUs) {
        public long durationUs() {
            return endUs - startUs;
        }
    }

    private final FFmpegFrameGrabber grabber;
    private final int videoIndex;
    private final long targetUs;
    private final long frameUs;
    /** The keyframe that starts the next segment, read while closing the one before. */
    private AVPacket next;

    private long originPts = AV_NOPTS_VALUE;
    private long lastVideoUs = -1;
    private boolean exhausted;

    public TsSegments(Path source, long targetUs) throws IOException {
        this.targetUs = targetUs;
        grabber = new FFmpegFrameGrabber(source.toFile());
        // The MP4 reader prints its stream summary; only errors matter here.
        av_log_set_level(AV_LOG_ERROR);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot open " + source + ": " + e.getMessage(), e);
        }
        videoIndex = grabber.getVideoStream();
        if (videoIndex < 0) {
            close();
            throw new IOException(source + " has no video stream");
        }
        frameUs = Math.round(1_000_000 / grabber.getVideoFrameRate());
    }

    /**
     * Writes the next segment to {@code file}: the keyframe read last time, then every packet up to the first
     * keyframe at least the target after it.
     *
     * @return the segment's place on the timeline, or null when the video has no more packets
     */
    public Cut write(Path file) throws IOException {
        AVPacket first = next != null ? next : firstKeyframe();
        if (first == null) {
            return null;
        }
        next = null;
        long startUs = videoUs(first);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(
                file.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), grabber.getAudioChannels())) {
            recorder.setFormat("mpegts");
            recorder.start(grabber.getFormatContext());
            recorder.recordPacket(first);
            av_packet_free(first);
            for (AVPacket p = grab(); p != null; p = grab()) {
                if (isKeyframe(p) && videoUs(p) - startUs >= targetUs) {
                    next = av_packet_clone(p);
                    av_packet_unref(p);
                    return new Cut(startUs, videoUs(next));
                }
                recorder.recordPacket(p);
                av_packet_unref(p);
            }
            return new Cut(startUs, lastVideoUs + frameUs);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write segment " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether another segment follows the one written last. */
    public boolean hasMore() {
        return next != null;
    }

    /** Skips whatever comes before the first video keyframe: a segment must open with one. */
    private AVPacket firstKeyframe() throws IOException {
        for (AVPacket p = grab(); p != null; p = grab()) {
            if (isKeyframe(p)) {
                return av_packet_clone(p);
            }
            av_packet_unref(p);
        }
        return null;
    }

    private AVPacket grab() throws IOException {
        if (exhausted) {
            return null;
        }
        try {
            AVPacket p = grabber.grabPacket();
            if (p == null) {
                exhausted = true;
            } else if (p.stream_index() == videoIndex && p.pts() != AV_NOPTS_VALUE) {
                if (originPts == AV_NOPTS_VALUE) {
                    originPts = p.pts();
                }
                lastVideoUs = Math.max(lastVideoUs, videoUs(p));
            }
            return p;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot read the source: " + e.getMessage(), e);
        }
    }

    private boolean isKeyframe(AVPacket p) {
        return p.stream_index() == videoIndex && (p.flags() & AV_PKT_FLAG_KEY) != 0;
    }

    /** A video packet's time after the first video frame. */
    private long videoUs(AVPacket p) {
        AVRational tb = grabber.getFormatContext().streams(videoIndex).time_base();
        return (p.pts() - originPts) * 1_000_000L * tb.num() / tb.den();
    }

    @Override
    public void close() throws IOException {
        if (next != null) {
            av_packet_free(next);
            next = null;
        }
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw new IOException(e);
        }
    }
}

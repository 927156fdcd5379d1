package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Seeks so that decoding starts at a video keyframe at or before a time. MPEG-TS has no index: FFmpeg finds a
 * time by a binary search over packet timestamps and may land between a keyframe and the time, where the
 * frames before the next keyframe cannot be decoded and would be lost from the window. After each seek the
 * first keyframe is looked at; while it comes after the time, the seek goes further back.
 */
final class KeyframeSeek {
    private static final AVRational MICROS = Ffmpeg.rational(1, 1_000_000);
    private static final long MIN_STEP_US = 1_000_000;
    private static final int MAX_TRIES = 8;

    private KeyframeSeek() {}

    /** Seeks to {@code targetUs}, a container time in microseconds. */
    static void seek(AVFormatContext format, int videoIndex, long targetUs, long containerStartUs, String location) {
        long at = targetUs;
        for (int tries = 1; tries < MAX_TRIES && at > containerStartUs; tries++) {
            seekTo(format, at, location);
            long keyframeUs = firstKeyframeUs(format, videoIndex);
            if (keyframeUs <= targetUs) {
                break;
            }
            at -= Math.max(MIN_STEP_US, 2 * (keyframeUs - targetUs));
        }
        seekTo(format, Math.max(at, containerStartUs), location);
    }

    private static void seekTo(AVFormatContext format, long us, String location) {
        Ffmpeg.check(
                av_seek_frame(format, -1, us, AVSEEK_FLAG_BACKWARD),
                "seeking " + location + " to " + us / 1000 + " ms");
    }

    /** The time of the first video keyframe from here, or Long.MIN_VALUE at the end of the file. */
    private static long firstKeyframeUs(AVFormatContext format, int videoIndex) {
        AVRational timeBase = format.streams(videoIndex).time_base();
        AVPacket packet = av_packet_alloc();
        try {
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (packet.stream_index() == videoIndex && (packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                        long ts = packet.pts() != AV_NOPTS_VALUE() ? packet.pts() : packet.dts();
                        if (ts != AV_NOPTS_VALUE()) {
                            return av_rescale_q(ts, timeBase, MICROS);
                        }
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            return Long.MIN_VALUE;
        } finally {
            av_packet_free(packet);
        }
    }
}

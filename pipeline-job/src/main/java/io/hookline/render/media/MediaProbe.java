package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;

/** Reads back what a rendered file really is: the numbers that go into the manifest and conformance checks. */
public final class MediaProbe {

    private MediaProbe() {}

    /** What a probe found. {@code audioCodec} is null when there is no audio stream. */
    public record Result(
            String videoCodec,
            String videoProfile,
            int videoLevel,
            int width,
            int height,
            double fps,
            long frames,
            long durationMs,
            String audioCodec,
            int sampleRate,
            int channels,
            long bytes,
            boolean moovBeforeMdat,
            boolean editLists,
            int maxGopFrames) {}

    public static Result probe(Path file) {
        Ffmpeg.init();
        AVFormatContext fmt = new AVFormatContext(null);
        Ffmpeg.check(avformat_open_input(fmt, file.toString(), null, (AVDictionary) null), "probing " + file);
        try {
            Ffmpeg.check(avformat_find_stream_info(fmt, (AVDictionary) null), "probing " + file);
            int vi = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (vi < 0) {
                throw new MediaException("no video stream in " + file);
            }
            AVStream video = fmt.streams(vi);
            AVCodecParameters vp = video.codecpar();
            BytePointer profile = avcodec_profile_name(vp.codec_id(), vp.profile());
            double fps = video.avg_frame_rate().den() == 0
                    ? 0
                    : video.avg_frame_rate().num()
                            / (double) video.avg_frame_rate().den();
            int ai = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, vi, (AVCodec) null, 0);
            AVCodecParameters ap = ai >= 0 ? fmt.streams(ai).codecpar() : null;
            return new Result(
                    avcodec_get_name(vp.codec_id()).getString(),
                    profile == null ? "" : profile.getString(),
                    vp.level(),
                    vp.width(),
                    vp.height(),
                    fps,
                    video.nb_frames(),
                    fmt.duration() / 1000,
                    ap == null ? null : avcodec_get_name(ap.codec_id()).getString(),
                    ap == null ? 0 : ap.sample_rate(),
                    ap == null ? 0 : ap.ch_layout().nb_channels(),
                    Files.size(file),
                    moovBeforeMdat(file),
                    Mp4Boxes.hasEditList(file),
                    maxGop(fmt, vi));
        } catch (IOException e) {
            throw new MediaException("probing " + file + ": " + e.getMessage(), e);
        } finally {
            avformat_close_input(fmt);
        }
    }

    /** The longest run of video frames from one keyframe to the next (the last GOP counts too). */
    private static int maxGop(AVFormatContext fmt, int videoIndex) {
        AVPacket packet = av_packet_alloc();
        try {
            int longest = 0;
            int run = 0;
            while (av_read_frame(fmt, packet) >= 0) {
                if (packet.stream_index() == videoIndex) {
                    if ((packet.flags() & AV_PKT_FLAG_KEY) != 0 && run > 0) {
                        longest = Math.max(longest, run);
                        run = 0;
                    }
                    run++;
                }
                av_packet_unref(packet);
            }
            return Math.max(longest, run);
        } finally {
            av_packet_free(packet);
        }
    }

    /** Walks the top-level MP4 boxes: a file is "faststart" when moov comes before mdat. */
    static boolean moovBeforeMdat(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = new byte[16];
            while (in.readNBytes(header, 0, 8) == 8) {
                long size = ByteBuffer.wrap(header, 0, 4).getInt() & 0xffffffffL;
                String type = new String(header, 4, 4, StandardCharsets.US_ASCII);
                long headerLength = 8;
                if (size == 1) {
                    if (in.readNBytes(header, 8, 8) != 8) {
                        return false;
                    }
                    size = ByteBuffer.wrap(header, 8, 8).getLong();
                    headerLength = 16;
                }
                if (type.equals("moov")) {
                    return true;
                }
                if (type.equals("mdat") || size == 0) {
                    return false;
                }
                in.skipNBytes(size - headerLength);
            }
            return false;
        }
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open2;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Muxes already-encoded video and audio packets into an MP4 with the moov box first (faststart), so
 * players and platforms can start before the whole file is read.
 */
public final class Mp4Writer {

    private Mp4Writer() {}

    /**
     * Writes {@code out}.
     *
     * @param video codec parameters and time base of the video; its packets are {@code videoPackets}
     * @param videoPackets the video packets in decode order, timestamps in {@code video}'s time base
     * @param audio the audio stream, packets included
     * @param editLists whether the muxer may write edit lists (some platforms reject files that have them)
     */
    public static void write(
            Path out, EncodedStream video, List<EncodedPacket> videoPackets, EncodedStream audio, boolean editLists) {
        AVFormatContext oc = new AVFormatContext(null);
        Ffmpeg.check(avformat_alloc_output_context2(oc, null, "mp4", out.toString()), "creating " + out);
        AVDictionary options = new AVDictionary(null);
        AVPacket packet = av_packet_alloc();
        try {
            AVStream vs = addStream(oc, video);
            AVStream as = addStream(oc, audio);
            AVIOContext pb = new AVIOContext(null);
            Ffmpeg.check(avio_open2(pb, out.toString(), AVIO_FLAG_WRITE, null, null), "writing " + out);
            oc.pb(pb);
            av_dict_set(options, "movflags", "+faststart", 0);
            if (!editLists) {
                av_dict_set(options, "use_editlist", "0", 0);
            }
            Ffmpeg.check(avformat_write_header(oc, options), "writing " + out);

            AVRational vtb = Ffmpeg.rational(video.timeBaseNum(), video.timeBaseDen());
            AVRational atb = Ffmpeg.rational(audio.timeBaseNum(), audio.timeBaseDen());
            List<EncodedPacket> audioPackets = audio.packets();
            int v = 0;
            int a = 0;
            while (v < videoPackets.size() || a < audioPackets.size()) {
                boolean takeVideo = a >= audioPackets.size()
                        || (v < videoPackets.size()
                                && seconds(videoPackets.get(v).dts(), video)
                                        <= seconds(audioPackets.get(a).dts(), audio));
                if (takeVideo) {
                    writePacket(oc, packet, videoPackets.get(v++), vs, vtb, out);
                } else {
                    writePacket(oc, packet, audioPackets.get(a++), as, atb, out);
                }
            }
            Ffmpeg.check(av_write_trailer(oc), "finishing " + out);
        } finally {
            av_packet_free(packet);
            av_dict_free(options);
            if (oc.pb() != null) {
                avio_closep(oc.pb());
            }
            avformat_free_context(oc);
        }
    }

    private static AVStream addStream(AVFormatContext oc, EncodedStream stream) {
        AVStream s = avformat_new_stream(oc, null);
        stream.copyParametersTo(s.codecpar());
        s.codecpar().codec_tag(0);
        s.time_base(Ffmpeg.rational(stream.timeBaseNum(), stream.timeBaseDen()));
        return s;
    }

    private static void writePacket(
            AVFormatContext oc, AVPacket packet, EncodedPacket p, AVStream stream, AVRational from, Path out) {
        Ffmpeg.check(av_new_packet(packet, p.data().length), "packet");
        packet.data().put(p.data());
        // The muxer may have chosen its own time base in write_header.
        AVRational to = stream.time_base();
        packet.pts(av_rescale_q(p.pts(), from, to));
        packet.dts(av_rescale_q(p.dts(), from, to));
        packet.duration(av_rescale_q(Math.max(1, p.duration()), from, to));
        packet.stream_index(stream.index());
        packet.flags(p.keyframe() ? AV_PKT_FLAG_KEY : 0);
        Ffmpeg.check(av_interleaved_write_frame(oc, packet), "writing " + out);
    }

    private static double seconds(long ts, EncodedStream s) {
        return ts * (double) s.timeBaseNum() / s.timeBaseDen();
    }
}

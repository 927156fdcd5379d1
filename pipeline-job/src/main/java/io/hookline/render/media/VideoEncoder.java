package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_CLOSED_GOP;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Encodes yuv420p frames with libx264 into an in-memory {@link EncodedStream}. */
public final class VideoEncoder implements AutoCloseable {
    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final List<EncodedPacket> packets = new ArrayList<>();
    private long frames;
    private boolean finished;

    public VideoEncoder(VideoEncoding enc) {
        Ffmpeg.init();
        AVCodec codec = avcodec_find_encoder_by_name("libx264");
        if (codec == null) {
            throw new MediaException("this FFmpeg build has no libx264 encoder");
        }
        context = avcodec_alloc_context3(codec);
        context.width(enc.width());
        context.height(enc.height());
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(Ffmpeg.rational(enc.fpsDen(), enc.fpsNum()));
        context.framerate(Ffmpeg.rational(enc.fpsNum(), enc.fpsDen()));
        context.gop_size(enc.gopFrames());
        context.keyint_min(enc.gopFrames());
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER | AV_CODEC_FLAG_CLOSED_GOP);
        context.thread_count(enc.threads());
        context.level((int) Math.round(Double.parseDouble(enc.level()) * 10));
        context.rc_max_rate(enc.maxBitrateKbps() * 1000L);
        if (enc.bitrateKbps() > 0) {
            context.bit_rate(enc.bitrateKbps() * 1000L);
            context.rc_max_rate(Math.min(enc.maxBitrateKbps(), enc.bitrateKbps() * 3 / 2) * 1000L);
        }
        context.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, context.rc_max_rate() * 2));

        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "preset", enc.preset(), 0);
        av_dict_set(options, "profile", enc.profile(), 0);
        if (enc.bitrateKbps() == 0) {
            av_dict_set(options, "crf", Integer.toString(enc.crf()), 0);
        }
        // Fixed GOPs (no scene-cut keyframes) keep every rendition's cut points where the plan puts them.
        av_dict_set(options, "x264-params", "scenecut=0:open-gop=0" + (enc.bframes() ? "" : ":bframes=0"), 0);
        try {
            Ffmpeg.check(avcodec_open2(context, codec, options), "opening the H.264 encoder");
        } catch (RuntimeException e) {
            avcodec_free_context(context);
            av_packet_free(packet);
            throw e;
        } finally {
            av_dict_free(options);
        }
    }

    /** Encodes one picture as the next frame of the stream; the picture is copied, the caller keeps it. */
    public void encode(Picture picture) {
        AVFrame frame = picture.frame;
        frame.pts(frames++);
        frame.pict_type(AV_PICTURE_TYPE_NONE);
        Ffmpeg.check(avcodec_send_frame(context, frame), "encoding video");
        drain();
    }

    /** Flushes the encoder and returns the stream; the encoder cannot be used afterwards. */
    public EncodedStream finish() {
        if (!finished) {
            finished = true;
            Ffmpeg.check(avcodec_send_frame(context, null), "flushing video encoder");
            drain();
        }
        return new EncodedStream(context, packets, frames);
    }

    /**
     * A stream of packets this encoder's settings made earlier (a cached segment of {@code frames} frames),
     * with this encoder's codec parameters; the encoder itself encodes nothing.
     */
    public EncodedStream reuse(List<EncodedPacket> cached, long frames) {
        return new EncodedStream(context, cached, frames);
    }

    public long frameCount() {
        return frames;
    }

    private void drain() {
        while (true) {
            int ret = avcodec_receive_packet(context, packet);
            if (ret == AVERROR_EAGAIN() || Ffmpeg.isEof(ret)) {
                return;
            }
            Ffmpeg.check(ret, "encoding video");
            byte[] data = new byte[packet.size()];
            packet.data().get(data);
            packets.add(new EncodedPacket(
                    data, packet.pts(), packet.dts(), packet.duration(), (packet.flags() & AV_PKT_FLAG_KEY) != 0));
            av_packet_unref(packet);
        }
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_packet_free(packet);
    }
}

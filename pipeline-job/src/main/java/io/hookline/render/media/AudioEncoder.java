package io.hookline.render.media;

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
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/** Encodes planar float PCM to AAC-LC with FFmpeg's native encoder. */
public final class AudioEncoder {

    private AudioEncoder() {}

    /**
     * Encodes {@code samples} (planar, already at the target rate and channel count) into a stream whose
     * time base is one sample.
     *
     * @param withoutEditList for a file without edit lists: the encoder's priming samples play first there, so
     *     the input starts that much later (and ends in silence) to keep the sound on time
     */
    public static EncodedStream encode(
            float[][] samples, int count, int sampleRate, int bitrateKbps, boolean withoutEditList) {
        Ffmpeg.init();
        AVCodec codec = avcodec_find_encoder_by_name("aac");
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            ctx.sample_fmt(AV_SAMPLE_FMT_FLTP);
            ctx.sample_rate(sampleRate);
            av_channel_layout_default(ctx.ch_layout(), samples.length);
            ctx.bit_rate(bitrateKbps * 1000L);
            ctx.time_base(Ffmpeg.rational(1, sampleRate));
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            Ffmpeg.check(avcodec_open2(ctx, codec, (AVDictionary) null), "opening the AAC encoder");

            int frameSize = ctx.frame_size();
            int skip = withoutEditList ? Math.min(count, ctx.initial_padding()) : 0;
            float[][] input = samples;
            if (skip > 0) {
                input = new float[samples.length][count];
                for (int c = 0; c < samples.length; c++) {
                    System.arraycopy(samples[c], skip, input[c], 0, count - skip);
                }
            }
            frame.format(AV_SAMPLE_FMT_FLTP);
            frame.sample_rate(sampleRate);
            av_channel_layout_default(frame.ch_layout(), samples.length);
            frame.nb_samples(frameSize);
            Ffmpeg.check(av_frame_get_buffer(frame, 0), "audio frame");

            List<EncodedPacket> packets = new ArrayList<>();
            for (int start = 0; start < count; start += frameSize) {
                int n = Math.min(frameSize, count - start);
                Ffmpeg.check(av_frame_make_writable(frame), "audio frame");
                frame.nb_samples(n);
                for (int c = 0; c < samples.length; c++) {
                    new FloatPointer(frame.extended_data(c)).put(input[c], start, n);
                }
                frame.pts(start);
                Ffmpeg.check(avcodec_send_frame(ctx, frame), "encoding audio");
                drain(ctx, packet, packets, skip);
            }
            Ffmpeg.check(avcodec_send_frame(ctx, null), "flushing audio encoder");
            drain(ctx, packet, packets, skip);
            return new EncodedStream(ctx, packets, count);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(ctx);
        }
    }

    /** Collects packets; {@code shift} moves them so the priming starts at 0 when there is no edit list. */
    private static void drain(AVCodecContext ctx, AVPacket packet, List<EncodedPacket> out, int shift) {
        while (true) {
            int ret = avcodec_receive_packet(ctx, packet);
            if (ret == AVERROR_EAGAIN() || Ffmpeg.isEof(ret)) {
                return;
            }
            Ffmpeg.check(ret, "encoding audio");
            byte[] data = new byte[packet.size()];
            packet.data().get(data);
            out.add(new EncodedPacket(
                    data,
                    packet.pts() + shift,
                    packet.dts() + shift,
                    packet.duration(),
                    (packet.flags() & AV_PKT_FLAG_KEY) != 0));
            av_packet_unref(packet);
        }
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/** Decodes an audio stream held in memory back to planar float, to hear what an encode actually produced. */
public final class AudioDecoder {

    private AudioDecoder() {}

    /** The decoded samples, planar, at the stream's own rate and channel count. */
    public static float[][] decode(EncodedStream stream, int channels) {
        Ffmpeg.init();
        AVCodecParameters parameters = avcodec_parameters_alloc();
        AVCodecContext ctx = null;
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            stream.copyParametersTo(parameters);
            ctx = avcodec_alloc_context3(avcodec_find_decoder(parameters.codec_id()));
            Ffmpeg.check(avcodec_parameters_to_context(ctx, parameters), "audio decoder parameters");
            Ffmpeg.check(avcodec_open2(ctx, ctx.codec(), (AVDictionary) null), "opening the audio decoder");
            float[][] out = new float[channels][(int) stream.length() + 8192];
            int length = 0;
            for (EncodedPacket p : stream.packets()) {
                Ffmpeg.check(av_new_packet(packet, p.data().length), "audio packet");
                packet.data().put(p.data());
                packet.pts(p.pts());
                packet.dts(p.dts());
                Ffmpeg.check(avcodec_send_packet(ctx, packet), "decoding audio");
                av_packet_unref(packet);
                length = drain(ctx, frame, out, length);
            }
            Ffmpeg.check(avcodec_send_packet(ctx, null), "flushing the audio decoder");
            length = drain(ctx, frame, out, length);
            for (int c = 0; c < channels; c++) {
                out[c] = Arrays.copyOf(out[c], length);
            }
            return out;
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (ctx != null) {
                avcodec_free_context(ctx);
            }
            avcodec_parameters_free(parameters);
        }
    }

    private static int drain(AVCodecContext ctx, AVFrame frame, float[][] out, int at) {
        while (true) {
            int ret = avcodec_receive_frame(ctx, frame);
            if (ret == AVERROR_EAGAIN() || Ffmpeg.isEof(ret)) {
                return at;
            }
            Ffmpeg.check(ret, "decoding audio");
            if (frame.format() != AV_SAMPLE_FMT_FLTP) {
                throw new MediaException(
                        "the audio decoder gave sample format " + frame.format() + ", not planar float");
            }
            int n = Math.min(frame.nb_samples(), out[0].length - at);
            for (int c = 0; c < out.length; c++) {
                new FloatPointer(frame.extended_data(c))
                        .capacity(frame.nb_samples())
                        .get(out[c], at, n);
            }
            at += n;
        }
    }
}

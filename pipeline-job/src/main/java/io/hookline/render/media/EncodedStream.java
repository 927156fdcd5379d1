package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;

/**
 * An encoded elementary stream in memory: its packets, its codec parameters (with the extradata a
 * container needs) and its time base. Segments encoded with identical settings can be joined by copying
 * their packets, which is how hooks and bodies are assembled without a second encode.
 */
public final class EncodedStream implements AutoCloseable {
    private final AVCodecParameters parameters;
    private final int timeBaseNum;
    private final int timeBaseDen;
    private final List<EncodedPacket> packets;
    /** Length in time-base units: frames for video, samples for audio. */
    private final long length;

    EncodedStream(AVCodecContext encoder, List<EncodedPacket> packets, long length) {
        this.parameters = avcodec_parameters_alloc();
        Ffmpeg.check(avcodec_parameters_from_context(parameters, encoder), "codec parameters");
        this.timeBaseNum = encoder.time_base().num();
        this.timeBaseDen = encoder.time_base().den();
        this.packets = List.copyOf(packets);
        this.length = length;
    }

    /**
     * Joins streams encoded with equal settings, each starting on a keyframe: packets are copied and their
     * timestamps moved along, nothing is re-encoded.
     */
    public static List<EncodedPacket> join(List<EncodedStream> parts) {
        byte[] header = parts.get(0).extradata();
        List<EncodedPacket> joined = new ArrayList<>();
        long offset = 0;
        for (EncodedStream part : parts) {
            if (!Arrays.equals(header, part.extradata())) {
                throw new MediaException("segments have different stream headers and cannot be joined");
            }
            for (EncodedPacket packet : part.packets) {
                joined.add(packet.shifted(offset));
            }
            offset += part.length;
        }
        return joined;
    }

    public List<EncodedPacket> packets() {
        return packets;
    }

    public long length() {
        return length;
    }

    public int timeBaseNum() {
        return timeBaseNum;
    }

    public int timeBaseDen() {
        return timeBaseDen;
    }

    /** Copies the codec parameters into a stream's (the caller owns {@code target}). */
    void copyParametersTo(AVCodecParameters target) {
        Ffmpeg.check(avcodec_parameters_copy(target, parameters), "codec parameters");
    }

    /** The codec's global header (SPS/PPS for H.264, the AudioSpecificConfig for AAC). */
    byte[] extradata() {
        int size = parameters.extradata_size();
        byte[] bytes = new byte[size];
        if (size > 0) {
            parameters.extradata().get(bytes);
        }
        return bytes;
    }

    public long bytes() {
        long sum = 0;
        for (EncodedPacket p : packets) {
            sum += p.data().length;
        }
        return sum;
    }

    @Override
    public void close() {
        avcodec_parameters_free(parameters);
    }
}

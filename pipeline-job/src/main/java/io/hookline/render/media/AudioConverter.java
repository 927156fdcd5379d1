package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/** Resamples and remixes audio into planar float at a fixed rate and channel count (libswresample). */
final class AudioConverter implements AutoCloseable {
    private final SwrContext swr;
    private final int outChannels;
    private final PointerPointer<FloatPointer> outPlanes;
    private final FloatPointer[] outBuffers;
    private final PointerPointer<Pointer> inPlanes = new PointerPointer<>(8);
    private float[][] scratch;

    /**
     * @param inLayout the input channel layout (copied; FFmpeg chooses the downmix matrix from it)
     * @param inFormat an AV_SAMPLE_FMT_* value
     */
    AudioConverter(AVChannelLayout inLayout, int inFormat, int inRate, int outChannels, int outRate) {
        this.outChannels = outChannels;
        AVChannelLayout outLayout = new AVChannelLayout();
        av_channel_layout_default(outLayout, outChannels);
        swr = new SwrContext();
        try {
            Ffmpeg.check(
                    swr_alloc_set_opts2(
                            swr, outLayout, AV_SAMPLE_FMT_FLTP, outRate, inLayout, inFormat, inRate, 0, null),
                    "audio resampler setup");
            Ffmpeg.check(swr_init(swr), "audio resampler init");
        } finally {
            av_channel_layout_uninit(outLayout);
        }
        outBuffers = new FloatPointer[outChannels];
        outPlanes = new PointerPointer<>(outChannels);
        scratch = new float[outChannels][0];
    }

    /** A converter from planar float at one rate/channel count to another. */
    static AudioConverter fromPlanarFloat(int inChannels, int inRate, int outChannels, int outRate) {
        AVChannelLayout in = new AVChannelLayout();
        av_channel_layout_default(in, inChannels);
        try {
            return new AudioConverter(in, AV_SAMPLE_FMT_FLTP, inRate, outChannels, outRate);
        } finally {
            av_channel_layout_uninit(in);
        }
    }

    /**
     * Converts {@code inCount} samples whose planes are given by native pointers ({@code null} input
     * flushes what the resampler holds back). Returns the converted samples, valid until the next call,
     * and their count through {@link Converted#count()}.
     */
    Converted convert(Pointer[] inData, int inCount) {
        int capacity = Math.max(1, swr_get_out_samples(swr, Math.max(inCount, 0)));
        ensureBuffers(capacity);
        int produced;
        if (inData == null) {
            produced = swr_convert(swr, outPlanes, capacity, (PointerPointer<?>) null, 0);
        } else {
            for (int i = 0; i < inData.length; i++) {
                inPlanes.put(i, inData[i]);
            }
            produced = swr_convert(swr, outPlanes, capacity, inPlanes, inCount);
        }
        Ffmpeg.check(produced, "audio resampling");
        if (scratch[0].length < produced) {
            scratch = new float[outChannels][produced];
        }
        for (int c = 0; c < outChannels; c++) {
            outBuffers[c].position(0).get(scratch[c], 0, produced);
        }
        return new Converted(scratch, produced);
    }

    /** Converts Java planar float samples. */
    Converted convert(float[][] in, int offset, int count) {
        FloatPointer[] native_ = new FloatPointer[in.length];
        try {
            for (int c = 0; c < in.length; c++) {
                native_[c] = new FloatPointer(count);
                native_[c].put(in[c], offset, count);
            }
            return convert(native_, count);
        } finally {
            for (FloatPointer p : native_) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    private void ensureBuffers(int capacity) {
        if (outBuffers[0] == null || outBuffers[0].capacity() < capacity) {
            for (int c = 0; c < outChannels; c++) {
                if (outBuffers[c] != null) {
                    outBuffers[c].close();
                }
                outBuffers[c] = new FloatPointer(capacity);
                outPlanes.put(c, outBuffers[c]);
            }
        }
    }

    @Override
    public void close() {
        swr_free(swr);
        for (FloatPointer b : outBuffers) {
            if (b != null) {
                b.close();
            }
        }
        outPlanes.close();
        inPlanes.close();
    }

    /** Converted samples: {@code planes[c][0..count)}. */
    record Converted(float[][] planes, int count) {}
}

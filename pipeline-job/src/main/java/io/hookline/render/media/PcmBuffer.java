package io.hookline.render.media;

import java.util.Arrays;

/**
 * Decoded audio of a source window as planar float samples at one rate, with the source time of its
 * first sample. Audio is small next to video, so a window's worth is simply kept in memory and sliced
 * in whatever order the clip's timeline needs.
 */
public final class PcmBuffer {
    private final int sampleRate;
    private final float[][] planes;
    private int length;
    private long originUs = Long.MIN_VALUE;

    public PcmBuffer(int sampleRate, int channels, int initialCapacity) {
        this.sampleRate = sampleRate;
        this.planes = new float[channels][Math.max(1024, initialCapacity)];
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return planes.length;
    }

    public int length() {
        return length;
    }

    /** Appends samples; the first append fixes the buffer's origin in source time. */
    void append(long firstSampleUs, float[][] samples, int count) {
        if (originUs == Long.MIN_VALUE) {
            originUs = firstSampleUs;
        }
        ensureCapacity(length + count);
        for (int c = 0; c < planes.length; c++) {
            System.arraycopy(samples[c], 0, planes[c], length, count);
        }
        length += count;
    }

    /**
     * Copies {@code count} samples starting at source time {@code startUs} into {@code out} at
     * {@code offset}. Where the buffer has no samples (before its origin, after its end, or no audio at
     * all) the output is silence.
     */
    public void copy(long startUs, int count, float[][] out, int offset) {
        long first = originUs == Long.MIN_VALUE
                ? Long.MAX_VALUE / 2
                : Math.round((startUs - originUs) * sampleRate / 1_000_000.0);
        for (int c = 0; c < out.length; c++) {
            float[] src = planes[Math.min(c, planes.length - 1)];
            for (int i = 0; i < count; i++) {
                long s = first + i;
                out[c][offset + i] = s >= 0 && s < length ? src[(int) s] : 0f;
            }
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > planes[0].length) {
            int capacity = Math.max(needed, planes[0].length * 2);
            for (int c = 0; c < planes.length; c++) {
                planes[c] = Arrays.copyOf(planes[c], capacity);
            }
        }
    }
}

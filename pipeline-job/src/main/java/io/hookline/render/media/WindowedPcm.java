package io.hookline.render.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The decoded audio of several stretches of source, each in its own buffer, read by source time. */
public final class WindowedPcm {
    private final List<long[]> ranges = new ArrayList<>();
    private final List<PcmBuffer> buffers = new ArrayList<>();

    /** A buffer for the stretch [startUs, endUs), to be filled by {@link SourceReader#decodeWindow}. */
    public PcmBuffer add(long startUs, long endUs) {
        PcmBuffer buffer = new PcmBuffer(
                SourceReader.PCM_RATE,
                SourceReader.PCM_CHANNELS,
                (int) ((endUs - startUs) / 1_000_000.0 * SourceReader.PCM_RATE) + SourceReader.PCM_RATE);
        ranges.add(new long[] {startUs, endUs});
        buffers.add(buffer);
        return buffer;
    }

    public int sampleRate() {
        return SourceReader.PCM_RATE;
    }

    public int channels() {
        return SourceReader.PCM_CHANNELS;
    }

    /** Copies samples from the stretch that holds {@code startUs}; silence where no stretch does. */
    public void copy(long startUs, int count, float[][] out, int offset) {
        for (int i = 0; i < ranges.size(); i++) {
            if (startUs >= ranges.get(i)[0] && startUs < ranges.get(i)[1]) {
                buffers.get(i).copy(startUs, count, out, offset);
                return;
            }
        }
        for (float[] channel : out) {
            Arrays.fill(channel, offset, offset + count, 0f);
        }
    }
}

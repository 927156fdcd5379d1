package io.hookline.ingest.video;

/**
 * One track fragment (traf) of a moof, ISO/IEC 14496-12 8.8: which track it is, where its base media decode
 * time (tfdt) is and says, and how its samples lie in time, from its track runs (trun) with the defaults of its
 * tfhd and of the track's trex.
 *
 * @param tfdtAt where the tfdt's body starts in the bytes read, or -1 when the fragment has none
 * @param wideTfdt whether the tfdt holds 64 bits (version 1) rather than 32
 * @param baseTime the tfdt's time, or -1 when there is none
 * @param duration the sum of its samples' durations
 * @param firstShown when its earliest sample is shown, after the base time (the smallest decode time plus
 *     composition offset)
 * @param lastShown when its latest sample is shown, after the base time; -1 when it has no sample
 * @param shortest its shortest sample duration above 0, or 0 when none says
 */
record TrackFragment(
        int trackId,
        int tfdtAt,
        boolean wideTfdt,
        long baseTime,
        long duration,
        long firstShown,
        long lastShown,
        long shortest) {
    // tfhd flags
    private static final int BASE_DATA_OFFSET_PRESENT = 0x01;
    private static final int DESCRIPTION_INDEX_PRESENT = 0x02;
    private static final int DEFAULT_DURATION_PRESENT = 0x08;
    // trun flags
    private static final int DATA_OFFSET_PRESENT = 0x001;
    private static final int FIRST_SAMPLE_FLAGS_PRESENT = 0x004;
    private static final int SAMPLE_DURATION_PRESENT = 0x100;
    private static final int COMPOSITION_OFFSET_PRESENT = 0x800;

    /**
     * Reads a traf of {@code data}.
     *
     * @param movie the init segment's tracks, for the default sample duration of the track's trex
     */
    static TrackFragment read(byte[] data, Boxes.Box traf, Mp4Movie movie) {
        int trackId = -1;
        int tfdtAt = -1;
        long base = -1;
        long defaultDuration = 0;
        long decode = 0;
        long first = Long.MAX_VALUE;
        long last = -1;
        long shortest = 0;
        for (Boxes.Box box : Boxes.children(data, traf)) {
            int at = box.body();
            int flags = (int) SegmentCheck.uint32(data, at) & 0xFFFFFF;
            if (box.is("tfhd")) {
                trackId = (int) SegmentCheck.uint32(data, at + 4);
                defaultDuration = movie.track(trackId)
                        .map(Mp4Movie.Track::defaultDuration)
                        .orElse(0L);
                if ((flags & DEFAULT_DURATION_PRESENT) != 0) {
                    int skip = ((flags & BASE_DATA_OFFSET_PRESENT) != 0 ? 8 : 0)
                            + ((flags & DESCRIPTION_INDEX_PRESENT) != 0 ? 4 : 0);
                    defaultDuration = SegmentCheck.uint32(data, at + 8 + skip);
                }
            } else if (box.is("tfdt")) {
                tfdtAt = at;
                base = data[at] == 1
                        ? (SegmentCheck.uint32(data, at + 4) << 32) | SegmentCheck.uint32(data, at + 8)
                        : SegmentCheck.uint32(data, at + 4);
            } else if (box.is("trun")) {
                boolean signed = data[at] != 0;
                long count = SegmentCheck.uint32(data, at + 4);
                int sample = at
                        + 8
                        + ((flags & DATA_OFFSET_PRESENT) != 0 ? 4 : 0)
                        + ((flags & FIRST_SAMPLE_FLAGS_PRESENT) != 0 ? 4 : 0);
                int stride = 4 * Integer.bitCount(flags & 0xF00);
                int offsetAt = 4 * Integer.bitCount(flags & 0x700);
                if (stride == 0 && count > 0) {
                    // No per-sample fields: every sample lasts the default and is shown as it is decoded.
                    first = Math.min(first, decode);
                    last = Math.max(last, decode + (count - 1) * defaultDuration);
                    shortest = shortest == 0 || defaultDuration < shortest ? defaultDuration : shortest;
                    decode += count * defaultDuration;
                    continue;
                }
                for (long i = 0; i < count && sample + stride <= box.end(); i++, sample += stride) {
                    long length = (flags & SAMPLE_DURATION_PRESENT) != 0
                            ? SegmentCheck.uint32(data, sample)
                            : defaultDuration;
                    long offset = 0;
                    if ((flags & COMPOSITION_OFFSET_PRESENT) != 0) {
                        long raw = SegmentCheck.uint32(data, sample + offsetAt);
                        offset = signed ? (int) raw : raw;
                    }
                    first = Math.min(first, decode + offset);
                    last = Math.max(last, decode + offset);
                    if (length > 0 && (shortest == 0 || length < shortest)) {
                        shortest = length;
                    }
                    decode += length;
                }
            }
        }
        return new TrackFragment(
                trackId,
                tfdtAt,
                tfdtAt >= 0 && data[tfdtAt] == 1,
                base,
                decode,
                first == Long.MAX_VALUE ? 0 : first,
                last,
                shortest);
    }
}

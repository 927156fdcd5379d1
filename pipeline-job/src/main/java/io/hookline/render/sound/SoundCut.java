package io.hookline.render.sound;

import java.util.List;

/**
 * Where a rendition's sound comes from: each stretch of the source it plays, and where that stretch sits in the
 * rendition. Two renditions with equal cuts play the same sound before it is levelled and encoded.
 *
 * @param durationUs the rendition's length
 */
public record SoundCut(List<Stretch> stretches, long durationUs) {

    /** Source from {@code sourceStartUs} plays in the rendition over [outputStartUs, outputEndUs). */
    public record Stretch(long sourceStartUs, long outputStartUs, long outputEndUs) {}

    public SoundCut {
        stretches = List.copyOf(stretches);
    }

    /** Sample index at a time of the rendition, computed from its start so rounding never accumulates. */
    public static int samplesAt(long outputUs, int sampleRate) {
        return (int) Math.round(outputUs * sampleRate / 1_000_000.0);
    }
}

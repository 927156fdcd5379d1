package io.hookline.ingest.video;

/**
 * Joins the segments of a window across discontinuities: the first run keeps its times; each later run is moved
 * so that its first frame falls where the playlist places its segment, never before the last frame of the run
 * before. {@link TsRuns} does it for MPEG-TS, {@link Mp4Runs} for fMP4.
 */
interface SegmentRuns {

    /**
     * The segment's bytes on the window's timeline.
     *
     * @throws Unjoinable when it starts a run (or names an init segment) that cannot be joined
     */
    byte[] join(SegmentTimeline.Placed placed, byte[] data) throws Unjoinable;

    /** Why a segment cannot be joined to the ones before it, worded to go in a note's parentheses. */
    final class Unjoinable extends Exception {
        Unjoinable(String why) {
            super(why, null, false, false);
        }
    }
}

package io.hookline.job;

/**
 * The order clips waiting for a renderer go in: the best first, but no clip waits for later plays for long. A
 * clip's score buys it a head start of {@link #HEAD_START_MS_PER_POINT} per point over its arrival, so a better
 * clip overtakes a worse one only if it arrived within the difference of their head starts. A live job falling
 * behind (more plays than its cores render in real time) then serves its clips in near arrival order once they
 * have waited that long, instead of leaving the dull ones until the match is over. Clips that arrive together
 * (a batch job's, at the end of its feed) still go best first.
 */
final class RenderOrder {
    /**
     * A point of score is worth this much waiting. Scores run from about 0.3 (a dull play) to about 2 (a
     * lead-changing goal), so the best clip may overtake the dullest for about 17 seconds: about one render of
     * every rendition of a play on two cores.
     */
    static final long HEAD_START_MS_PER_POINT = 10_000;

    private RenderOrder() {}

    /** Clips waiting for a renderer go in ascending order of this key (ties by arrival). */
    static double key(double score, long arrivalMillis) {
        return arrivalMillis - Math.max(0, score) * HEAD_START_MS_PER_POINT;
    }
}

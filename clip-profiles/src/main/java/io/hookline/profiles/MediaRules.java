package io.hookline.profiles;

import java.io.Serializable;

/**
 * What the video itself adds to a play's score.
 *
 * @param crowdPerLu bonus per loudness unit the crowd's peak is above the match's median loudness, beyond
 *     {@code crowdOverLu}, at most {@code crowdMax}
 * @param replayBonus bonus when the broadcast cuts at least {@code replayMinCuts} times within
 *     {@code replayWithinMs} after the play (a replay)
 * @param motionPerRatio bonus per unit of motion above the window's median ratio, at most {@code motionMax}
 */
public record MediaRules(
        double crowdPerLu,
        double crowdOverLu,
        double crowdMax,
        double replayBonus,
        long replayWithinMs,
        int replayMinCuts,
        double motionPerRatio,
        double motionMax)
        implements Serializable {

    /** The video adds nothing. */
    public static final MediaRules NONE = new MediaRules(0, 0, 0, 0, 0, 0, 0, 0);
}

package io.hookline.ingest.sync;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Where a wall-clock instant is in the match video, for sync points written as dates and times: a live
 * playlist answers from its EXT-X-PROGRAM-DATE-TIME tags.
 */
@FunctionalInterface
public interface WallClock {

    /** The video time shown at {@code instant}, or empty when the video holds nothing recorded then. */
    OptionalLong videoMsAt(Instant instant);
}

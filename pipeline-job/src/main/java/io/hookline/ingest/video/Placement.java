package io.hookline.ingest.video;

import java.time.Instant;

/** Where a wall-clock instant falls on a live video (see {@link LiveVideo#place}). */
public sealed interface Placement {

    /** Recorded, at this video time. */
    record At(long videoMs) implements Placement {}

    /** Not recorded so far; {@code recordedUntil} is how far the dated video goes (null when it has no dates yet). */
    record NotYet(Instant recordedUntil) implements Placement {}

    /** Never recorded: the instant is behind the live edge but in no dated segment. */
    record Never(String reason) implements Placement {}
}

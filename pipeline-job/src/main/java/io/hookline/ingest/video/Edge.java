package io.hookline.ingest.video;

import java.time.Instant;

/**
 * How far a live video goes now.
 *
 * @param coveredMs the video holds [0, coveredMs) on its own timeline
 * @param ended no more video will come
 * @param seenAt when the video last grew (or was first read), so a caller can tell a stalled edge
 */
public record Edge(long coveredMs, boolean ended, Instant seenAt) {}

package io.hookline.ingest.video;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The waiting part of {@link LiveVideo#await}, shared by playlists and growing files. */
abstract class PollingVideo implements LiveVideo {

    @Override
    public final Window await(long startMs, long endMs, Duration wait, Duration poll)
            throws IOException, InterruptedException {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("a window needs 0 <= start < end, not " + startMs + ".." + endMs);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Edge edge = null;
        IOException failure = null;
        while (true) {
            try {
                edge = refresh();
                failure = null;
            } catch (UnusableVideoException e) {
                // A malformed playlist or a file in a form that cannot be followed: no later reading helps.
                throw e;
            } catch (IOException e) {
                // A live source that fails one reading (a timeout, a 503) is read again until the wait is over.
                failure = e;
            }
            if (edge != null && edge.coveredMs() >= endMs) {
                return window(startMs, endMs);
            }
            if (edge != null && edge.ended()) {
                throw new VideoNotCoveredException(edge.coveredMs(), endMs, "the video has ended");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (edge == null) {
                    throw failure;
                }
                long stalledMs = Duration.between(edge.seenAt(), Instant.now()).toMillis();
                throw new VideoNotCoveredException(
                        edge.coveredMs(), endMs, "no new video for " + (stalledMs + 500) / 1000 + " s");
            }
            Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
        }
    }

    /** The window [startMs, endMs] of a video known to cover it. */
    protected abstract Window window(long startMs, long endMs) throws IOException;
}

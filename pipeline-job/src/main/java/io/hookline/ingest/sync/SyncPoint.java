package io.hookline.ingest.sync;

/**
 * A clock reading seen at a video time.
 *
 * @param clockMs the reading as the feed writes it: time remaining on a count-down clock, time since the
 *     period started on a running one
 * @param origin where it was written, for messages ({@code sync.yaml:12:5})
 */
public record SyncPoint(int period, long clockMs, long videoMs, String origin) {

    /** {@code period 1 clock 7:41 at video 0:20:00 (sync.yaml:12:5)}. */
    public String describe() {
        return "period " + period + " clock " + ClockText.format(clockMs) + " at video "
                + ClockText.formatVideo(videoMs) + (origin == null ? "" : " (" + origin + ")");
    }
}

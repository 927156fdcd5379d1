package io.hookline.ingest.video;

import java.io.IOException;

/** The live video does not reach the end of a window: it has ended before it, or stopped growing. */
public final class VideoNotCoveredException extends IOException {
    private final long coveredMs;
    private final long neededMs;

    VideoNotCoveredException(long coveredMs, long neededMs, String why) {
        super("the video stops at " + VideoTime.format(coveredMs) + "; the play ends at " + VideoTime.format(neededMs)
                + " (" + why + ")");
        this.coveredMs = coveredMs;
        this.neededMs = neededMs;
    }

    /** How far the video went when the wait was given up. */
    public long coveredMs() {
        return coveredMs;
    }

    /** Where the window ends. */
    public long neededMs() {
        return neededMs;
    }
}

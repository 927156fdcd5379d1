package io.hookline.job;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/**
 * How a live job paces each match on its own clock (see {@link MatchTime}).
 *
 * @param reorderMs how long, in match time, an event waits for earlier ones that arrive late
 * @param videoWait how long a clip waits for a growing video to cover its window
 * @param renderQueue clips a render subtask holds waiting for a renderer, best first
 */
record LiveSettings(long reorderMs, Duration videoWait, int renderQueue) implements Serializable {
    /** A play closes this long after the rules say, so the last event of a play that arrived with it still joins. */
    static final long CLOSE_SLACK_MS = 500;

    static LiveSettings of(Configuration conf) {
        return new LiveSettings(
                conf.get(JobOptions.LIVE_REORDER).toMillis(),
                conf.get(JobOptions.LIVE_VIDEO_WAIT),
                conf.get(JobOptions.LIVE_RENDER_QUEUE));
    }
}

package io.hookline.demo;

import io.hookline.model.ClipKind;
import io.hookline.model.RenderedClip;
import java.time.Duration;
import java.time.Instant;

/**
 * A clip as a downstream consumer of the clips topic saw it land.
 *
 * @param committedAt when a read-committed consumer received its record: within a poll (100 ms) of the commit
 *     of the checkpoint's Kafka transaction
 * @param coveredAt when the playout published the segment that covers the clip's window end, or null if it
 *     never did (the clip landed before its window was covered)
 */
public record LandedClip(RenderedClip clip, Instant committedAt, Instant coveredAt) {

    public boolean isPlay() {
        return clip.getKind() == ClipKind.play;
    }

    /** From coverage to commit; null when there is no coverage time. */
    public Duration latency() {
        return coveredAt == null ? null : Duration.between(coveredAt, committedAt);
    }
}

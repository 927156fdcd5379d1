package io.hookline.job;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Notices when a live job renders slower than its matches play: a clip whose last render starts more than a
 * minute after it was planned means clips arrive faster than the renderers finish them, and the backlog grows
 * until the matches quieten. Operators then need more render slots or lighter live renditions, so it is said
 * plainly, at most once a minute.
 */
final class RenderLag {
    static final long BEHIND_MS = 60_000;

    private final LongSupplier clock;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

    RenderLag(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The warning to log as the last render of a clip planned at {@code plannedMillis} starts, with {@code
     * waiting} renders still queued behind it; null when the clip did not wait long or a warning was given in the
     * last minute.
     */
    String started(String clipId, String matchId, long plannedMillis, int waiting) {
        long now = clock.getAsLong();
        long waited = now - plannedMillis;
        long last = lastWarning.get();
        if (waited <= BEHIND_MS || now - last < BEHIND_MS || !lastWarning.compareAndSet(last, now)) {
            return null;
        }
        return String.format(
                "live renders are falling behind: clip %s of match %s starts rendering %d s after it was planned,"
                        + " and %d more wait; the matches make clips faster than this job renders them (give the"
                        + " render stage more cores, or lighten the live renditions)",
                clipId, matchId, waited / 1000, waiting);
    }
}

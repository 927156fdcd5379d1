package io.hookline.publish.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination's posts in the rolling window that ends now, oldest first, for its quota. A post counts
 * until exactly {@code window} after it was made; then its slot is free again.
 *
 * @param inFlight records being uploaded or processed now, which will be posts soon (a quota that ignores
 *                 them overshoots when several publishers run), and UNCERTAIN ones, which may be posts
 *                 already: each holds a slot until it lands or a person settles it
 */
public record PostWindow(String destination, Instant now, Duration window, List<Instant> postedAt, int inFlight) {

    public PostWindow {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        postedAt = List.copyOf(postedAt);
    }

    public int count() {
        return postedAt.size();
    }

    /** When the oldest post in the window leaves it; empty when the window holds no post. */
    public Optional<Instant> reopensAt() {
        return postedAt.isEmpty()
                ? Optional.empty()
                : Optional.of(postedAt.get(0).plus(window));
    }

    /**
     * The first instant a destination allowed {@code quota} posts per window may post again, counting the
     * ones in flight as posts: now when it has room, else when enough old posts have left the window.
     */
    public Instant nextSlotAt(int quota) {
        if (quota < 1) {
            throw new IllegalArgumentException("quota must be at least 1, got " + quota);
        }
        int used = count() + inFlight;
        if (used < quota) {
            return now;
        }
        // used - quota + 1 slots must free up; in-flight posts will be newer than every post here.
        int mustLeave = used - quota + 1;
        if (mustLeave > count()) {
            return now.plus(window); // only in-flight posts fill it: at best a full window after they land
        }
        return postedAt.get(mustLeave - 1).plus(window);
    }
}

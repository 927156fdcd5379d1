package io.hookline.publish.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code first * 2^n}, capped at {@code max}, so many publishers retrying together spread out.
 *
 * @param attempts how many tries in all, the first included
 * @param longestAsked the longest Retry-After honoured; a platform asking for more is tried on a later run
 */
public record Backoff(Duration first, Duration max, int attempts, Duration longestAsked, RandomGenerator random) {

    public static Backoff standard() {
        return new Backoff(
                Duration.ofSeconds(1), Duration.ofSeconds(60), 6, Duration.ofMinutes(15), RandomGenerator.getDefault());
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry) {
        long ceiling = Math.min(max.toMillis(), first.toMillis() << Math.min(retry, 30));
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }
}

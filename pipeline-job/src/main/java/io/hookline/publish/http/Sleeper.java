package io.hookline.publish.http;

import java.time.Duration;

/** Waits; tests pass one that records the waits instead of making them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

package io.hookline.publish.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The two ways a publisher calls a platform: {@code repeatable} retries 429 and 5xx in place (reads, session
 * opening, uploads at an explicit offset); {@code once} sends a single time, for calls whose failure must be
 * answered by asking the platform what happened (a chunk of a session that tracks its own offset, a publish),
 * never by sending the same request again.
 */
public record HttpCalls(RetryingHttp repeatable, RetryingHttp once) {

    public static HttpCalls of(HttpClient client, Backoff backoff, Sleeper sleeper) {
        Backoff single = new Backoff(backoff.first(), backoff.max(), 1, Duration.ZERO, backoff.random());
        return new HttpCalls(new RetryingHttp(client, backoff, sleeper), new RetryingHttp(client, single, sleeper));
    }
}

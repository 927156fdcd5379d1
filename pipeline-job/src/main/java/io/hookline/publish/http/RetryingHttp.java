package io.hookline.publish.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a request again while the answer is 429 or 5xx, waiting what Retry-After asks (seconds or an HTTP
 * date) or else the {@link Backoff}. Only for calls that are safe to repeat. A broken connection is not
 * retried here: the engine retries the whole step from the ledger, which knows how far an upload got.
 */
public final class RetryingHttp {
    private final HttpClient client;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public RetryingHttp(HttpClient client, Backoff backoff, Sleeper sleeper) {
        this.client = client;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * The first answer that is neither 429 nor 5xx; {@link NotSentException} when the attempts run out or the
     * connection cannot be opened, IOException when it breaks once open.
     */
    public HttpResponse<String> send(Supplier<HttpRequest> request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest sent = request.get();
            HttpResponse<String> response = sendOnce(sent);
            int status = response.statusCode();
            if (status != 429 && status < 500) {
                return response;
            }
            int retry = attempt - 1;
            Duration wait = retryAfter(response).orElseGet(() -> backoff.delay(retry));
            if (attempt >= backoff.attempts() || wait.compareTo(backoff.longestAsked()) > 0) {
                throw new NotSentException("HTTP " + status + " from " + host(sent.uri()) + " after " + attempt
                        + " attempt(s)"
                        + (wait.compareTo(backoff.longestAsked()) > 0
                                ? "; it asks to wait " + wait.toSeconds() + " s"
                                : ""));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to retry " + host(sent.uri()), e);
            }
        }
    }

    /**
     * One attempt, for a call that must not be repeated blindly (a post: a 5xx may come after the platform
     * made it). The caller reads the status and decides, usually by asking the platform first.
     */
    public HttpResponse<String> sendOnce(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NotSentException("cannot connect to " + host(request.uri()) + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + host(request.uri()), e);
        }
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Only the host: a platform's URL may carry a token in its path (Telegram's /bot<token>/). */
    public static String host(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}

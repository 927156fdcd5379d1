package io.hookline.publish.emulated;

import io.hookline.profiles.Destination;
import io.hookline.publish.MatchClips;
import io.hookline.publish.Outcome;
import io.hookline.publish.PublishRun;
import io.hookline.publish.Publishers;
import io.hookline.publish.Secrets;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.RetryingHttp;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The publishing engine in this JVM over an H2 ledger file, as the CLI runs it, except that waits (backoff,
 * Retry-After) are recorded instead of slept, so a test with injected faults stays fast.
 */
public final class LedgerRun implements AutoCloseable {
    public final PublishLedger ledger;
    public final List<Duration> waits = new ArrayList<>();
    public final List<Outcome> outcomes = new ArrayList<>();
    private final Backoff backoff = new Backoff(
            Duration.ofMillis(100), Duration.ofSeconds(5), 4, Duration.ofMinutes(1), new SplittableRandom(7));
    private final String token;

    public LedgerRun(Path out, String token) {
        this.ledger = JdbcPublishLedger.open(LedgerDatabase.h2File(out.resolve(".publish/ledger")), Clock.systemUTC());
        this.token = token;
    }

    /** The HTTP layer the publishers under test use: real connections, recorded waits. */
    public RetryingHttp http() {
        return new RetryingHttp(HttpClient.newHttpClient(), backoff, waits::add);
    }

    public List<Outcome> publish(Publishers publishers, MatchClips match, Destination destination)
            throws InterruptedException {
        PublishRun run = new PublishRun(
                ledger,
                publishers,
                new Secrets(Map.of(EmulatedProfiles.TOKEN_ENV, token)),
                Clock.systemUTC(),
                waits::add,
                backoff,
                "test",
                Duration.ofMinutes(5),
                outcomes::add);
        return run.publish(match, List.of(destination));
    }

    @Override
    public void close() {
        ledger.close();
    }
}

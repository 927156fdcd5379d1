package io.hookline.cli;

import io.hookline.ingest.kafka.ClipsTopicReader;
import io.hookline.profiles.Destination;
import io.hookline.publish.LivePublishing;
import io.hookline.publish.Outcome;
import io.hookline.publish.PublishRun;
import io.hookline.publish.Publishers;
import io.hookline.publish.Secrets;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What {@code publish --follow} runs, on a thread of the test, with its own connection to the H2 ledger under
 * OUT: stopping one and starting another is a restart of the publisher.
 */
final class FollowingPublisher {
    static final String OWNER = "follow-test";

    final PublishLedger ledger;
    private final ClipsTopicReader reader;
    private final FollowClips following;
    private final Thread thread;
    private volatile Throwable failure;

    FollowingPublisher(
            Path out,
            String bootstrap,
            String topic,
            Publishers publishers,
            Secrets secrets,
            List<Destination> destinations,
            Backoff backoff,
            Sleeper sleeper,
            Consumer<Outcome> outcomes)
            throws Exception {
        ledger = JdbcPublishLedger.open(
                LedgerDatabase.h2File(out.resolve(PublishLedgers.DEFAULT_LEDGER)), Clock.systemUTC());
        Duration lease = Duration.ofMinutes(5);
        PublishRun run = new PublishRun(
                ledger, publishers, secrets, Clock.systemUTC(), sleeper, backoff, OWNER, lease, outcomes);
        reader = new ClipsTopicReader(bootstrap, topic, Duration.ofSeconds(30), bad -> {
            throw new AssertionError(bad);
        });
        following = new FollowClips(
                reader, new LivePublishing(ledger, run, destinations, OWNER, lease), clip -> LandedClips.of(clip, out));
        thread = new Thread(
                () -> {
                    try {
                        following.run();
                    } catch (Throwable e) {
                        failure = e;
                    }
                },
                "follow-clips");
        thread.start();
    }

    /** Every record of these matches, as the ledger has them now. */
    List<PublishRecord> records(List<String> matchIds) {
        List<PublishRecord> all = new ArrayList<>();
        for (String matchId : matchIds) {
            all.addAll(ledger.byMatch(matchId));
        }
        return all;
    }

    /** Waits until the matches' records satisfy {@code done}; fails naming them if they do not in time. */
    List<PublishRecord> await(List<String> matchIds, Predicate<List<PublishRecord>> done, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<PublishRecord> records = records(matchIds);
        while (!done.test(records)) {
            if (failure != null) {
                throw new AssertionError("the publisher failed", failure);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the ledger did not get there in " + timeout.toSeconds() + " s: " + records);
            }
            Thread.sleep(200);
            records = records(matchIds);
        }
        return records;
    }

    /** Stops it as SIGTERM does (the clips in hand are finished) and closes its ledger connection. */
    void stop() throws Exception {
        following.stop();
        thread.join(120_000);
        if (thread.isAlive()) {
            throw new AssertionError("the publisher did not stop within 120 s");
        }
        reader.close();
        ledger.close();
        if (failure != null) {
            throw new AssertionError("the publisher failed", failure);
        }
    }
}

package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.publish.http.HttpCalls;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The publishing engine over an H2 ledger in a test's folder, with one platform's publisher. */
public final class PublishRig implements AutoCloseable {
    public final PublishLedger ledger;
    public final List<Outcome> reported = new ArrayList<>();
    private final String token;

    public PublishRig(Path out, String token) {
        this.ledger = JdbcPublishLedger.open(LedgerDatabase.h2File(out.resolve(".publish/ledger")), Clock.systemUTC());
        this.token = token;
    }

    /** Calls that retry quickly, for a publisher under test. */
    public static HttpCalls http() {
        return HttpCalls.of(HttpClient.newHttpClient(), PlatformFixtures.backoff(), PlatformFixtures.BRIEF);
    }

    /** Publishes the match at {@code matchDir} to {@code destination} with {@code publisher}, as one run. */
    public List<Outcome> publish(Path matchDir, Destination destination, Publisher publisher) throws Exception {
        Publishers publishers = new Publishers().with(destination.platform(), publisher);
        PublishRun run = new PublishRun(
                ledger,
                publishers,
                PlatformFixtures.secrets(token),
                Clock.systemUTC(),
                PlatformFixtures.BRIEF,
                PlatformFixtures.backoff(),
                "test",
                Duration.ofMinutes(5),
                reported::add);
        return run.publish(MatchClips.read(matchDir), List.of(destination));
    }

    public List<PublishRecord> records(String matchId) {
        return ledger.byMatch(matchId);
    }

    @Override
    public void close() {
        ledger.close();
    }
}

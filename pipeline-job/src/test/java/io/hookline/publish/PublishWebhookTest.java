package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.Destination;
import io.hookline.profiles.Platform;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.RetryingHttp;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import io.hookline.publish.webhook.WebhookPublisher;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with the webhook publisher against a real HTTP receiver that checks every signature. */
class PublishWebhookTest {
    private static final String SECRET = "s3cr3t-Zq81-never-print-me";

    @TempDir
    Path out;

    WebhookReceiver receiver;
    PublishLedger ledger;
    final List<Duration> waits = new ArrayList<>();
    final List<Outcome> reported = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        ledger = JdbcPublishLedger.open(LedgerDatabase.h2File(out.resolve(".publish/ledger")), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        receiver.close();
        ledger.close();
    }

    private PublishRun run() {
        Backoff backoff = new Backoff(
                Duration.ofMillis(100), Duration.ofSeconds(5), 4, Duration.ofMinutes(1), new SplittableRandom(7));
        RetryingHttp http = new RetryingHttp(HttpClient.newHttpClient(), backoff, waits::add);
        Publishers publishers =
                new Publishers().with(Platform.WEBHOOK, new WebhookPublisher(http, Duration.ofSeconds(30)));
        return new PublishRun(
                ledger,
                publishers,
                new Secrets(Map.of(PublishFixtures.SECRET_ENV, SECRET)),
                Clock.systemUTC(),
                waits::add,
                backoff,
                "test",
                Duration.ofMinutes(5),
                reported::add);
    }

    @Test
    void postsEveryClipOnceInRankOrderSignedAndRerunPostsNothing() throws Exception {
        MatchClips match = MatchClips.read(PublishFixtures.match(out, "match-1", 5));
        Destination hook = PublishFixtures.webhook("hook", receiver.url(), 100, false);

        List<Outcome> outcomes = run().publish(match, List.of(hook));
        run().publish(match, List.of(hook));

        assertThat(outcomes).extracting(Outcome::result).containsOnly(Outcome.Result.POSTED);
        assertThat(receiver.deliveries()).hasSize(5).allMatch(WebhookReceiver.Delivery::signatureValid);
        assertThat(receiver.posts())
                .extracting(d -> d.metadata().get("rank").asInt())
                .containsExactly(1, 2, 3, 4, 5);
        WebhookReceiver.Delivery first = receiver.posts().get(0);
        assertThat(first.metadata().get("title").asText()).isEqualTo("GOAL — Player 1");
        assertThat(first.metadata().get("caption").asText()).isEqualTo("Score 1-0\n#goal");
        assertThat(first.fileBytes()).isEqualTo(first.metadata().get("bytes").asInt());
        assertThat(first.idempotencyKey()).isEqualTo("match-1/clip001/telegram@hook");
        assertThat(ledger.byMatch("match-1")).extracting(PublishRecord::state).containsOnly(PublishState.POSTED);
    }

    @Test
    void retriesA429AfterItsRetryAfterAndA503WithBackoff() throws Exception {
        MatchClips match = MatchClips.read(PublishFixtures.match(out, "match-1", 1));
        receiver.answerFirst(429, 503);

        List<Outcome> outcomes =
                run().publish(match, List.of(PublishFixtures.webhook("hook", receiver.url(), 100, false)));

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2)); // the receiver's Retry-After
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(receiver.posts()).hasSize(1);
    }

    @Test
    void quotaOf100Against120ClipsPostsTheTop100InRankOrderAndSkipsTheRestUntilTheWindowReopens() throws Exception {
        MatchClips match = MatchClips.read(PublishFixtures.match(out, "match-1", 120));

        List<Outcome> outcomes =
                run().publish(match, List.of(PublishFixtures.webhook("hook", receiver.url(), 100, false)));

        assertThat(receiver.posts())
                .extracting(d -> d.metadata().get("rank").asInt())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
        List<PublishRecord> records = ledger.byMatch("match-1");
        PublishRecord firstPost = records.get(0);
        List<PublishRecord> skipped =
                records.stream().filter(r -> r.state() == PublishState.SKIPPED).toList();
        assertThat(skipped)
                .extracting(PublishRecord::rank)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(101, 120).boxed().toList());
        assertThat(skipped).allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo("quota of 100 posts per 24 h reached");
            assertThat(r.reopensAt()).isEqualTo(firstPost.postedAt().plus(Duration.ofHours(24)));
        });
        assertThat(outcomes)
                .filteredOn(o -> o.result() == Outcome.Result.SKIPPED)
                .hasSize(20);
    }

    @Test
    void aDestinationWithApprovalPostsOnlyWhatAPersonApproved() throws Exception {
        MatchClips match = MatchClips.read(PublishFixtures.match(out, "match-1", 3));
        Destination reviewed = PublishFixtures.webhook("reviewed", receiver.url(), 100, true);

        List<Outcome> before = run().publish(match, List.of(reviewed));
        assertThat(before).extracting(Outcome::result).containsOnly(Outcome.Result.AWAITING_APPROVAL);
        assertThat(receiver.deliveries()).isEmpty();

        List<PublishRecord> waiting = ledger.byState(PublishState.AWAITING_APPROVAL);
        ledger.approve(waiting.get(1).key(), waiting.get(1).version(), "editor");
        ledger.reject(waiting.get(2).key(), waiting.get(2).version(), "editor", "wrong player");
        run().publish(match, List.of(reviewed));

        assertThat(receiver.posts())
                .extracting(d -> d.metadata().get("clipId").asText())
                .containsExactly("clip002");
        assertThat(ledger.byMatch("match-1"))
                .extracting(PublishRecord::state)
                .containsExactly(PublishState.AWAITING_APPROVAL, PublishState.POSTED, PublishState.REJECTED);
    }

    @Test
    void aRefusalFailsTheRecordWithTheReasonAndNeverTheSecret() throws Exception {
        MatchClips match = MatchClips.read(PublishFixtures.match(out, "match-1", 1));
        // A receiver that does not know the secret refuses the signature.
        try (WebhookReceiver stranger = new WebhookReceiver("another secret")) {
            List<Outcome> outcomes =
                    run().publish(match, List.of(PublishFixtures.webhook("hook", stranger.url(), 100, false)));

            assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.FAILED);
            PublishRecord failed = ledger.byMatch("match-1").get(0);
            assertThat(failed.reason()).startsWith("HTTP 401 from http://127.0.0.1:");
            assertThat(failed.toString() + outcomes).doesNotContain(SECRET);
        }
    }
}

package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.kafka.AvroMessages;
import io.hookline.model.ClipKind;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Platform;
import io.hookline.publish.ManifestClip;
import io.hookline.publish.ManifestRendition;
import io.hookline.publish.MatchClips;
import io.hookline.publish.Outcome;
import io.hookline.publish.Publishers;
import io.hookline.publish.Secrets;
import io.hookline.publish.emulated.CrashRun;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.TelegramEmulator;
import io.hookline.publish.emulator.XEmulator;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.RetryingHttp;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import io.hookline.publish.telegram.TelegramPublisher;
import io.hookline.publish.x.XPublisher;
import io.hookline.testing.KafkaTestBroker;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --follow} against a real KRaft broker and the Telegram and X emulators: two live matches'
 * clips land interleaved on a two-partition clips topic, written in Kafka transactions as the job writes them
 * (one aborted), the publisher is stopped half-way and started again, and a correction withdraws clips.
 */
class PublishFollowITCase {
    private static final String TOKEN = "123456:live-T0ken-never-print";
    private static final String TOPIC = "hookline-clips";
    private static final String TELEGRAM = "tg-live";
    private static final String X = "x-live";
    private static final int TELEGRAM_QUOTA = 5;
    private static final List<String> MATCHES = List.of("match-a", "match-b");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    KafkaTestBroker kafka;
    TelegramEmulator telegram;
    XEmulator x;
    DestinationSet set;
    Path out;
    MatchClips matchA;
    MatchClips matchB;
    final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestBroker.start();
        kafka.createTopic(TOPIC, 2);
        telegram = new TelegramEmulator(Clock.systemUTC(), TOKEN, Set.of(EmulatedProfiles.TELEGRAM_CHAT));
        telegram.start();
        x = new XEmulator(Clock.systemUTC(), TOKEN, EmulatedProfiles.X_ACCOUNT).processingDelay(Duration.ZERO);
        x.start();
        set = EmulatedProfiles.load(EmulatedProfiles.withOnly(
                dir.resolve("profiles"),
                String.join(
                        "\n",
                        destination(TELEGRAM, "telegram", "\"" + EmulatedProfiles.TELEGRAM_CHAT + "\"", TELEGRAM_QUOTA),
                        destination(X, "x", EmulatedProfiles.X_ACCOUNT, 100),
                        "")));
        out = dir.resolve("out");
        // Real MP4s; match B takes the files of ranks 5 to 8, so no two clips share bytes.
        matchA = MatchClips.read(RealClips.match(out, "match-a", "telegram", 4));
        matchB = MatchClips.read(RealClips.match(out, "match-b", "telegram", 8));
    }

    @AfterEach
    void stop() throws Exception {
        telegram.close();
        x.close();
        kafka.close();
    }

    @Test
    void eachClipIsPostedOnceToEachDestinationAcrossARestartUnderAQuotaSharedByBothMatches() throws Exception {
        RenderedClip a1 = landed(matchA, 1, 1);
        RenderedClip a2 = landed(matchA, 2, 2);
        RenderedClip a3 = landed(matchA, 3, 3);
        RenderedClip a4 = landed(matchA, 4, 4);
        RenderedClip b1 = landed(matchB, 5, 1);
        RenderedClip b2 = landed(matchB, 6, 2);
        RenderedClip b3 = landed(matchB, 7, 3);
        RenderedClip b4 = landed(matchB, 8, 4);
        RenderedClip aborted =
                RenderedClip.newBuilder(a4).setClipId("match-a-aborted").build();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            commit(producer, a1, b1, a2, b2);
            producer.beginTransaction();
            send(producer, aborted);
            producer.flush();
            producer.abortTransaction();

            FollowingPublisher first = follow();
            first.await(
                    MATCHES,
                    records -> records.stream()
                                    .filter(r -> r.state() == PublishState.POSTED)
                                    .count()
                            == 8,
                    TIMEOUT);
            commit(producer, withdrawal(b1));
            first.await(
                    MATCHES,
                    records -> records.stream()
                            .filter(r -> r.key().clipId().equals(b1.getClipId()))
                            .allMatch(r -> r.reason() != null && r.reason().startsWith("withdrawn")),
                    TIMEOUT);
            first.stop();

            // While nobody publishes: more clips, and a correction withdraws one before it was ever sent.
            commit(producer, a3, b3, a4);
            commit(producer, withdrawal(a4), b4);
            FollowingPublisher second = follow();
            List<PublishRecord> records = second.await(
                    MATCHES,
                    all -> all.size() == 14
                            && all.stream().allMatch(r -> r.state().isFinal()),
                    TIMEOUT);
            second.stop();

            assertThat(telegram.posts().counts().values())
                    .as("telegram: its quota of 5, across both matches")
                    .hasSize(TELEGRAM_QUOTA)
                    .containsOnly(1);
            for (RenderedClip clip : List.of(a1, a2, a3, b1, b2)) {
                assertThat(telegram.posts().count(EmulatedProfiles.TELEGRAM_CHAT, sha256(clip)))
                        .isEqualTo(1);
            }
            assertThat(x.posts().counts().values())
                    .as("x: every clip not withdrawn before it went out")
                    .hasSize(7)
                    .containsOnly(1);
            for (RenderedClip clip : List.of(a1, a2, a3, b1, b2, b3, b4)) {
                assertThat(x.posts().count(EmulatedProfiles.X_ACCOUNT, sha256(clip)))
                        .isEqualTo(1);
            }
            assertThat(records)
                    .noneMatch(r -> r.key().clipId().equals(a4.getClipId()))
                    .noneMatch(r -> r.key().clipId().equals(aborted.getClipId()));
            assertThat(records)
                    .filteredOn(r -> r.key().destination().equals(TELEGRAM) && r.state() == PublishState.SKIPPED)
                    .extracting(r -> r.key().clipId())
                    .containsExactlyInAnyOrder(b3.getClipId(), b4.getClipId())
                    .hasSize(2);
            assertThat(records)
                    .filteredOn(r -> r.key().clipId().equals(b1.getClipId()))
                    .allSatisfy(r -> assertThat(r.state()).isEqualTo(PublishState.POSTED))
                    .allSatisfy(r ->
                            assertThat(r.reason()).contains("withdrawn: a correction moved the play", "take it down"));
            assertThat(outcomes.toString() + records).doesNotContain(TOKEN);
        }
    }

    @Test
    void theCommandPostsWhatLandsAndASigtermStopsItWithTheLedgerClosed() throws Exception {
        RenderedClip a1 = landed(matchA, 1, 1);
        RenderedClip b1 = landed(matchB, 5, 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            commit(producer, a1, b1);
        }
        Path log = dir.resolve("follow.log");
        Process process = CrashRun.hookline(
                log,
                Map.of(EmulatedProfiles.TOKEN_ENV, TOKEN),
                "publish",
                "--follow",
                TOPIC,
                "--bootstrap",
                kafka.bootstrapServers(),
                "--out",
                out.toString(),
                "--destinations",
                dir.resolve("profiles").toString(),
                "--api-url",
                "telegram=" + telegram.baseUrl(),
                "--api-url",
                "x=" + x.baseUrl());
        try {
            Instant deadline = Instant.now().plusSeconds(120);
            // Stopped as soon as the platforms have the posts: the clips in hand are finished and recorded before
            // the ledger closes.
            while ((telegram.posts().size() < 2 || x.posts().size() < 2)
                    && Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
                Thread.sleep(200);
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped on SIGTERM")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(output).contains("Following " + TOPIC).doesNotContain(TOKEN);
        assertThat(telegram.posts().counts().values()).hasSize(2).containsOnly(1);
        assertThat(x.posts().counts().values()).hasSize(2).containsOnly(1);
        // The H2 file opens here only if the child closed it.
        try (PublishLedger ledger = JdbcPublishLedger.open(
                LedgerDatabase.h2File(out.resolve(PublishLedgers.DEFAULT_LEDGER)), Clock.systemUTC())) {
            assertThat(ledger.byMatch("match-a")).hasSize(2).allMatch(r -> r.state() == PublishState.POSTED);
            assertThat(ledger.byMatch("match-b")).hasSize(2).allMatch(r -> r.state() == PublishState.POSTED);
        }
    }

    /** A publisher following the topic, as {@code publish --follow} does, with quick retries. */
    private FollowingPublisher follow() throws Exception {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        Backoff backoff = new Backoff(
                Duration.ofMillis(100), Duration.ofSeconds(5), 4, Duration.ofMinutes(1), new SplittableRandom(7));
        RetryingHttp http = new RetryingHttp(HttpClient.newHttpClient(), backoff, waits::add);
        Publishers publishers = new Publishers()
                .with(
                        Platform.TELEGRAM,
                        new TelegramPublisher(
                                http,
                                telegram.baseUrl(),
                                Optional.empty(),
                                set.limits(Platform.TELEGRAM),
                                Duration.ofSeconds(30)))
                .with(
                        Platform.X,
                        new XPublisher(http, x.baseUrl(), 64 * 1024, set.limits(Platform.X), Duration.ofSeconds(30)));
        return new FollowingPublisher(
                out,
                kafka.bootstrapServers(),
                TOPIC,
                publishers,
                new Secrets(Map.of(EmulatedProfiles.TOKEN_ENV, TOKEN)),
                set.destinations(),
                backoff,
                waits::add,
                outcomes::add);
    }

    /** The clip of manifest rank {@code fileRank} as the job puts it on the topic, ranked {@code rank} live. */
    private static RenderedClip landed(MatchClips match, int fileRank, int rank) {
        ManifestClip clip = match.clips().get(fileRank - 1);
        ManifestRendition r = clip.rendition("telegram").orElseThrow();
        return RenderedClip.newBuilder()
                .setClipId(match.matchId() + "-" + clip.clipId())
                .setMatchId(match.matchId())
                .setKind(ClipKind.play)
                .setRank(rank)
                .setScore(clip.score())
                .setTitle(clip.title())
                .setSourceStartMs(0)
                .setSourceEndMs(1000)
                .setPeakMs(500)
                .setExplanation("test")
                .setSegments(List.of())
                .setRenditions(List.of(Rendition.newBuilder()
                        .setProfile("telegram")
                        .setPath(match.dir().relativize(r.file()).toString())
                        .setWidth(240)
                        .setHeight(136)
                        .setFps(25)
                        .setDurationMs(1000)
                        .setBytes(r.bytes())
                        .setSha256(r.sha256())
                        .setStatus(RenditionStatus.ok)
                        .build()))
                .build();
    }

    private static RenderedClip withdrawal(RenderedClip clip) {
        return RenderedClip.newBuilder(clip)
                .setRank(0)
                .setRenditions(List.of())
                .setNotes(List.of("withdrawn: a correction moved the play"))
                .setWithdrawn(true)
                .build();
    }

    private static String sha256(RenderedClip clip) {
        return clip.getRenditions().get(0).getSha256();
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "hookline-test-job");
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private static void commit(KafkaProducer<String, byte[]> producer, RenderedClip... clips) {
        producer.beginTransaction();
        for (RenderedClip clip : clips) {
            send(producer, clip);
        }
        producer.commitTransaction();
    }

    private static void send(KafkaProducer<String, byte[]> producer, RenderedClip clip) {
        producer.send(new ProducerRecord<>(TOPIC, clip.getMatchId(), AvroMessages.encode(clip)));
    }

    private static String destination(String name, String platform, String account, int quota) {
        return String.join(
                "\n",
                "  " + name + ":",
                "    platform: " + platform,
                "    account: " + account,
                "    credentials:",
                "      env: " + EmulatedProfiles.TOKEN_ENV,
                "    rendition: telegram",
                "    title: \"{ACTION} — {player}\"",
                "    takes:",
                "      kinds: [play]",
                "    quota:",
                "      postsPer24h: " + quota,
                "      spacingSeconds: 0",
                "    privacy: public",
                "    approval: false");
    }
}

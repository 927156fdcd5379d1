package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.demo.Percentiles;
import io.hookline.ingest.kafka.AvroMessages;
import io.hookline.model.ClipKind;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.profiles.DestinationSet;
import io.hookline.publish.Outcome;
import io.hookline.publish.Publishers;
import io.hookline.publish.Secrets;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulator.EmulatorServer;
import io.hookline.publish.emulator.Fault;
import io.hookline.publish.emulator.InstagramEmulator;
import io.hookline.publish.emulator.PlatformEmulators;
import io.hookline.publish.emulator.PostKey;
import io.hookline.publish.emulator.TikTokEmulator;
import io.hookline.publish.emulator.WebhookEmulator;
import io.hookline.publish.emulator.XEmulator;
import io.hookline.publish.emulator.YouTubeEmulator;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import io.hookline.publish.whatsapp.Recipients;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.KafkaTestBroker;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishing soak ({@code mvn verify -Psoak}, never in the default suite): live clips of five matches land
 * on a clips topic over {@code hookline.soak.minutes} (10) in Kafka transactions, and {@code publish --follow}
 * (restarted half-way) posts each to a destination of every platform and a webhook, every emulator failing
 * {@code hookline.soak.fault-rate} (5 %) of its requests with a 429, a 503 or a dropped connection, with the real
 * backoff and waits. Telegram and WhatsApp calls that broke off become UNCERTAIN; the soak then does what a
 * person would (looks at the channel, confirms or resends) and restarts the publisher once more. Nothing may be
 * lost or posted twice: every clip is on every platform exactly once. It prints the throughput and counts.
 */
class PublishSoak {
    private static final int CLIPS = Integer.getInteger("hookline.soak.clips", 300);
    private static final double MINUTES = Double.parseDouble(System.getProperty("hookline.soak.minutes", "10"));
    private static final double FAULT_RATE = Double.parseDouble(System.getProperty("hookline.soak.fault-rate", "0.05"));
    private static final String TOPIC = "hookline-clips";
    private static final String WEBHOOK_ENV = "HOOKLINE_SOAK_WEBHOOK_SECRET";
    private static final List<String> MATCHES =
            IntStream.rangeClosed(1, 5).mapToObj(i -> "soak-match-" + i).toList();
    /** Distinct pictures; each clip file also carries its own id in a free box, so no two clips share bytes. */
    private static final int PICTURES = 6;

    @TempDir
    Path dir;

    @Test
    void clipsLandingLiveReachEveryPlatformExactlyOnceDespiteInjectedFaults() throws Exception {
        Path out = dir.resolve("out");
        List<RenderedClip> clips = writeClips(out);
        long totalBytes = clips.stream()
                .mapToLong(c -> c.getRenditions().get(0).getBytes())
                .sum();
        Map<String, Instant> landedAt = new ConcurrentHashMap<>();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

        try (KafkaTestBroker kafka = KafkaTestBroker.start();
                PlatformEmulators emulators = PlatformEmulators.start(Clock.systemUTC())) {
            kafka.createTopic(TOPIC, 2);
            loosenPlatformLimits(emulators);
            for (int i = 0; i < emulators.servers().size(); i++) {
                emulators.servers().get(i).faults().random(1000 + i, FAULT_RATE);
            }
            DestinationSet set = EmulatedProfiles.load(EmulatedProfiles.withOnly(
                    dir.resolve("profiles"),
                    destinations()
                            .replace(
                                    "WEBHOOK_URL",
                                    emulators.get(WebhookEmulator.class).baseUrl() + "/soak")));
            Publishers publishers = new PlatformPublishers(
                            DemoPublish.apiUrls(emulators),
                            null,
                            64 * 1024,
                            new Recipients(List.of(PlatformEmulators.WHATSAPP_OPTED_IN)),
                            PlatformEmulators.WHATSAPP_TEMPLATE,
                            "en")
                    .of(set);
            Secrets secrets = new Secrets(Map.of(
                    EmulatedProfiles.TOKEN_ENV,
                    PlatformEmulators.TOKEN,
                    WEBHOOK_ENV,
                    PlatformEmulators.WEBHOOK_SECRET));
            Supplier<FollowingPublisher> start = () -> {
                try {
                    return new FollowingPublisher(
                            out,
                            kafka.bootstrapServers(),
                            TOPIC,
                            publishers,
                            secrets,
                            set.destinations(),
                            Backoff.standard(),
                            Sleeper.REAL,
                            outcomes::add);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            int expected = CLIPS * set.destinations().size();

            Instant began = Instant.now();
            FollowingPublisher publisher = start.get();
            int restarts = 0;
            try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
                long spacingMs = (long) (MINUTES * 60_000 / CLIPS);
                for (int i = 0; i < clips.size(); i++) {
                    Thread.sleep(
                            Math.max(0, began.plusMillis(i * spacingMs).toEpochMilli() - System.currentTimeMillis()));
                    producer.beginTransaction();
                    producer.send(
                            new ProducerRecord<>(TOPIC, clips.get(i).getMatchId(), AvroMessages.encode(clips.get(i))));
                    producer.commitTransaction();
                    landedAt.put(clips.get(i).getClipId(), Instant.now());
                    if (i == clips.size() / 2) {
                        publisher.stop(); // a restart half-way: the ledger, not an offset, says what is done
                        publisher = start.get();
                        restarts++;
                    }
                }
            }
            Instant fed = Instant.now();
            List<PublishRecord> settled = publisher.await(
                    MATCHES,
                    all -> all.size() == expected
                            && all.stream().allMatch(r -> r.state().isFinal() || r.state() == PublishState.UNCERTAIN),
                    Duration.ofMinutes(15));
            Instant drained = Instant.now();
            publisher.stop();

            // A person settles each UNCERTAIN record by looking at the channel, then the publisher runs again.
            int uncertain = 0;
            int confirmed = 0;
            FollowingPublisher settling = start.get();
            for (PublishRecord record : settled) {
                if (record.state() != PublishState.UNCERTAIN) {
                    continue;
                }
                uncertain++;
                EmulatorServer platform = emulators.servers().stream()
                        .filter(s -> s.platform()
                                .equals(set.destination(record.key().destination())
                                        .platform()
                                        .name()
                                        .toLowerCase()))
                        .findFirst()
                        .orElseThrow();
                String sha256 = sha256Of(clips, record.key().clipId());
                boolean there = platform.posts().counts().keySet().stream()
                        .anyMatch(k -> k.mediaSha256().equals(sha256));
                if (there) {
                    settling.ledger.confirm(record.key(), record.version(), "soak", "");
                    confirmed++;
                } else {
                    settling.ledger.resend(record.key(), record.version(), "soak");
                }
            }
            settling.stop();
            restarts++;
            FollowingPublisher last = start.get();
            List<PublishRecord> records = last.await(
                    MATCHES,
                    all -> all.size() == expected
                            && all.stream().allMatch(r -> r.state().isFinal()),
                    Duration.ofMinutes(5));
            Instant done = Instant.now();
            last.stop();

            Map<String, String> report = new LinkedHashMap<>();
            report.put("clips", Integer.toString(CLIPS));
            report.put("destinations", Integer.toString(set.destinations().size()));
            report.put("records", Integer.toString(records.size()));
            report.put(
                    "posted",
                    Long.toString(records.stream()
                            .filter(r -> r.state() == PublishState.POSTED)
                            .count()));
            report.put("clip bytes", String.format("%.1f MB", totalBytes / 1e6));
            report.put("fed over", seconds(began, fed));
            report.put("drained after last clip landed", seconds(fed, drained));
            report.put(
                    "throughput (posts / first landing to all settled)",
                    String.format(
                            "%.2f posts/s, %.2f MB/s",
                            expected / secondsBetween(began, drained),
                            totalBytes * set.destinations().size() / 1e6 / secondsBetween(began, drained)));
            report.put(
                    "uncertain (confirmed / resent)",
                    uncertain + " (" + confirmed + " / " + (uncertain - confirmed) + ")");
            report.put("publisher restarts", Integer.toString(restarts));
            report.put("total incl. settling", seconds(began, done));
            List<Double> latencies = new ArrayList<>();
            for (PublishRecord r : records) {
                if (r.postedAt() != null && landedAt.containsKey(r.key().clipId())) {
                    latencies.add(Duration.between(landedAt.get(r.key().clipId()), r.postedAt())
                                    .toMillis()
                            / 1000.0);
                }
            }
            Percentiles latency = Percentiles.of(latencies);
            report.put(
                    "landed to posted",
                    String.format("p50 %.1f s, p95 %.1f s, max %.1f s", latency.p50(), latency.p95(), latency.max()));
            for (EmulatorServer server : emulators.servers()) {
                report.put(
                        server.platform(),
                        server.posts().size() + " posts, " + server.faults().requests() + " requests, faults "
                                + server.faults().injected());
            }
            StringBuilder text =
                    new StringBuilder("Publishing soak, " + Instant.now().atOffset(ZoneOffset.UTC) + "\n");
            report.forEach((k, v) -> text.append(String.format("  %-50s %s%n", k, v)));
            System.out.print(text);
            Files.writeString(Path.of("target/publish-soak.txt"), text);

            assertThat(records).hasSize(expected).allMatch(r -> r.state() == PublishState.POSTED, "posted");
            for (EmulatorServer server : emulators.servers()) {
                Map<String, Integer> perClip = new LinkedHashMap<>();
                for (Map.Entry<PostKey, Integer> e : server.posts().counts().entrySet()) {
                    perClip.merge(e.getKey().mediaSha256(), e.getValue(), Integer::sum);
                }
                assertThat(perClip)
                        .as(server.platform() + ": every clip exactly once")
                        .hasSize(CLIPS)
                        .allSatisfy((sha, count) -> assertThat(count).as(sha).isEqualTo(1));
            }
            Map<Fault, Long> injected = new LinkedHashMap<>();
            emulators.servers().forEach(s -> s.faults().injected().forEach((k, v) -> injected.merge(k, v, Long::sum)));
            assertThat(injected).as("every kind of fault was injected").containsOnlyKeys(Fault.values());
        }
    }

    /** The soak's files: real MP4s, each with its clip id in a trailing free box, and their topic records. */
    private List<RenderedClip> writeClips(Path out) throws Exception {
        List<byte[]> pictures = new ArrayList<>();
        for (int p = 0; p < PICTURES; p++) {
            Path file = dir.resolve("picture-" + p + ".mp4");
            SyntheticVideo.write(new SyntheticVideo.Spec(180, 320, 25, 3_200 + 40L * p, true, List.of(400L)), file);
            pictures.add(Files.readAllBytes(file));
        }
        List<RenderedClip> clips = new ArrayList<>();
        for (int i = 0; i < CLIPS; i++) {
            String matchId = MATCHES.get(i % MATCHES.size());
            int n = i / MATCHES.size() + 1;
            String clipId = matchId + "-clip" + n;
            byte[] bytes = withFreeBox(pictures.get(i % PICTURES), clipId);
            String path = "clips/" + clipId + "/soak.mp4";
            Path file = out.resolve(matchId).resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            clips.add(RenderedClip.newBuilder()
                    .setClipId(clipId)
                    .setMatchId(matchId)
                    .setKind(ClipKind.play)
                    .setRank(n)
                    .setScore(1.0)
                    .setTitle("Goal — Player " + matchId.substring(11) + "-" + n + " (" + n + "-0)")
                    .setSourceStartMs(0)
                    .setSourceEndMs(3_200)
                    .setPeakMs(400)
                    .setExplanation("soak")
                    .setSegments(List.of())
                    .setRenditions(List.of(Rendition.newBuilder()
                            .setProfile("telegram")
                            .setPath(path)
                            .setWidth(180)
                            .setHeight(320)
                            .setFps(25)
                            .setDurationMs(3_200)
                            .setBytes(bytes.length)
                            .setSha256(HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(bytes)))
                            .setStatus(RenditionStatus.ok)
                            .build()))
                    .build());
        }
        return clips;
    }

    /** The MP4 with a top-level {@code free} box holding {@code text} after its last box. */
    private static byte[] withFreeBox(byte[] mp4, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(mp4);
        bytes.writeBytes(ByteBuffer.allocate(8)
                .putInt(8 + payload.length)
                .put("free".getBytes(StandardCharsets.US_ASCII))
                .array());
        bytes.writeBytes(payload);
        return bytes.toByteArray();
    }

    /** Room for hundreds of posts: the emulators' real daily and per-minute limits would end a soak early. */
    private static void loosenPlatformLimits(PlatformEmulators emulators) {
        emulators.get(YouTubeEmulator.class).dailyInsertQuota(100_000);
        emulators.get(InstagramEmulator.class).publishLimit(100_000).processingDelay(Duration.ZERO);
        emulators
                .get(TikTokEmulator.class)
                .initsPerMinute(100_000)
                .audited(true)
                .processingDelay(Duration.ZERO);
        emulators.get(XEmulator.class).processingDelay(Duration.ZERO);
    }

    private static String destinations() {
        return String.join(
                "\n",
                destination("yt-soak", "youtube", "UC-hookline-emulator", EmulatedProfiles.TOKEN_ENV),
                destination("ig-soak", "instagram", "\"17841400000000001\"", EmulatedProfiles.TOKEN_ENV),
                destination("tt-soak", "tiktok", "hookline-emulator", EmulatedProfiles.TOKEN_ENV),
                destination("x-soak", "x", "hookline_emulator", EmulatedProfiles.TOKEN_ENV),
                destination(
                        "tg-soak",
                        "telegram",
                        "\"" + PlatformEmulators.TELEGRAM_CHAT + "\"",
                        EmulatedProfiles.TOKEN_ENV),
                destination("wa-soak", "whatsapp", "\"100000000000001\"", EmulatedProfiles.TOKEN_ENV),
                destination("hook-soak", "webhook", "WEBHOOK_URL", WEBHOOK_ENV),
                "");
    }

    private static String destination(String name, String platform, String account, String env) {
        return String.join(
                "\n",
                "  " + name + ":",
                "    platform: " + platform,
                "    account: " + account,
                "    credentials:",
                "      env: " + env,
                "    rendition: telegram",
                "    title: \"{ACTION} — {player}\"",
                "    takes:",
                "      kinds: [play]",
                "    quota:",
                "      postsPer24h: 100000",
                "      spacingSeconds: 0",
                "    privacy: public",
                "    approval: false");
    }

    private static String sha256Of(List<RenderedClip> clips, String clipId) {
        return clips.stream()
                .filter(c -> c.getClipId().equals(clipId))
                .findFirst()
                .orElseThrow()
                .getRenditions()
                .get(0)
                .getSha256();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "hookline-soak-job");
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.0f s", secondsBetween(from, to));
    }
}

package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.ingest.kafka.AvroMessages;
import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.RenderedClip;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.DecodedClip;
import io.hookline.testing.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two live matches in one job, on one events topic, each with its own video named in its descriptor. The
 * matches' events interleave; one match's goal is corrected after its clip went out. Each match must get a
 * complete manifest of its own clips, cut from its own video only (the frame-number oracle: the two videos
 * run at different frame rates, so a frame of the other match would sit outside the clip's windows), and the
 * corrected goal a withdrawn clip that names its replacement.
 */
class LiveMatchesITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    static KafkaTestBroker kafka;
    static Match home;
    static Match away;

    /** A match of the test: its id, its video's frame rate and where the video is. */
    record Match(String id, int fps, Path video) {
        String event(String eventId, String type, long videoMs, String extra) {
            return LiveJobs.event(id, eventId, type, videoMs, extra);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestBroker.start();
        kafka.createTopic("events", 2);
        kafka.createTopic("clips", 1);
        home = new Match("cup-final", 25, dir.resolve("cup-final.mp4"));
        away = new Match("league-derby", 30, dir.resolve("league-derby.mp4"));
        for (Match m : List.of(home, away)) {
            SyntheticVideo.write(
                    new SyntheticVideo.Spec(640, 360, m.fps(), 60_000, true, List.of(10_000L, 30_000L)), m.video());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void twoMatchesInterleavedInOneJobEachGetTheirOwnClipsAndACorrectionWithdrawsItsClip() throws Exception {
        Path out = dir.resolve("out");
        JobClient job = LiveJobs.start(
                dir, kafka.bootstrapServers(), "two live matches", conf -> conf.set(JobOptions.OUT, out.toString()));
        KafkaTestBroker.TopicReader topic = kafka.reader("clips");

        try (MatchPublisher publisher =
                new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10))) {
            publish(
                    publisher,
                    home,
                    true,
                    home.event("h1", "SHOT", 5_000, ""),
                    home.event("h2", "GOAL", 12_000, ",\"players\":[\"Ana Ruiz\"],\"score\":{\"home\":1,\"away\":0}"));
            publish(
                    publisher,
                    away,
                    true,
                    away.event("a1", "SHOT", 6_000, ""),
                    away.event("a2", "GOAL", 15_000, ",\"score\":{\"home\":1,\"away\":0}"),
                    away.event("a2", "GOAL", 15_000, ",\"score\":{\"home\":1,\"away\":0}"));

            // The goal's clip goes out, then the feed says another player scored it.
            RenderedClip goal = awaitClip(topic, home.id(), "Ana Ruiz");
            publish(
                    publisher,
                    home,
                    true,
                    home.event(
                            "h2",
                            "GOAL",
                            12_000,
                            ",\"version\":2,\"players\":[\"Bea Sol\"],\"score\":{\"home\":1,\"away\":0}"));
            publish(
                    publisher,
                    away,
                    false,
                    away.event("a3", "SAVE", 30_000, ""),
                    away.event("a4", "SHOT", 45_000, ""),
                    away.event("a9", "PERIOD_END", 58_000, ""));
            publish(
                    publisher,
                    home,
                    false,
                    home.event("h3", "SAVE", 24_000, ""),
                    home.event("h4", "GOAL", 40_000, ",\"score\":{\"home\":2,\"away\":0}"),
                    home.event("h9", "PERIOD_END", 58_000, ""));

            JsonNode homeManifest = LiveJobs.awaitFinalManifest(out.resolve(home.id()), Duration.ofMinutes(4));
            JsonNode awayManifest = LiveJobs.awaitFinalManifest(out.resolve(away.id()), Duration.ofMinutes(4));
            List<RenderedClip> records = decode(topic.readUntil(
                    homeManifest.get("clips").size() + awayManifest.get("clips").size() + 1,
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(4)));
            topic.close();
            job.cancel().get();

            JsonNode withdrawn = clip(homeManifest, goal.getClipId());
            assertThat(withdrawn.get("withdrawn").asBoolean()).isTrue();
            JsonNode replacement =
                    clip(homeManifest, withdrawn.get("replacedBy").asText());
            assertThat(replacement.get("title").asText()).contains("Bea Sol");
            assertThat(records)
                    .filteredOn(RenderedClip::getWithdrawn)
                    .singleElement()
                    .satisfies(w -> {
                        assertThat(w.getClipId()).isEqualTo(goal.getClipId());
                        assertThat(w.getReplacedBy())
                                .isEqualTo(replacement.get("clipId").asText());
                    });
            List<String> landed = records.stream()
                    .filter(r -> !r.getWithdrawn())
                    .map(RenderedClip::getClipId)
                    .toList();
            assertThat(landed)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(clipIds(homeManifest, awayManifest));

            assertOwnFramesOnly(out.resolve(home.id()), homeManifest, home);
            assertOwnFramesOnly(out.resolve(away.id()), awayManifest, away);
            assertThat(Files.readString(out.resolve(away.id()).resolve("dead-letters.jsonl")))
                    .contains("duplicate event id a2");
            Path homeLetters = out.resolve(home.id()).resolve("dead-letters.jsonl");
            if (Files.exists(homeLetters)) {
                assertThat(Files.readString(homeLetters)).doesNotContain(away.id());
            }
        }
    }

    private static void publish(MatchPublisher publisher, Match match, boolean open, String... events)
            throws Exception {
        Path feed =
                Files.write(Files.createTempFile(dir, match.id(), ".jsonl"), List.of(events), StandardCharsets.UTF_8);
        MatchDescriptor descriptor = new MatchDescriptor(
                match.id(), null, "Riverside", "Harbour", match.video().toString());
        publisher.publish(descriptor, feed, "events", open);
    }

    private static RenderedClip awaitClip(KafkaTestBroker.TopicReader topic, String matchId, String titled)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            // Reads for a second whatever is committed, then looks through everything read so far.
            for (RenderedClip c : decode(topic.readUntil(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ZERO))) {
                if (c.getMatchId().equals(matchId) && c.getTitle().contains(titled)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no clip of " + matchId + " titled " + titled + " in the topic");
    }

    /** Every frame of every play clip shows its own match's video, inside the clip's own windows. */
    private static void assertOwnFramesOnly(Path matchDir, JsonNode manifest, Match match) throws Exception {
        int checked = 0;
        for (JsonNode clip : manifest.get("clips")) {
            if (!clip.get("kind").asText().equals("play")) {
                continue;
            }
            for (JsonNode r : clip.get("renditions")) {
                assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("ok");
                if (!r.get("profile").asText().equals("small-landscape")) {
                    continue;
                }
                DecodedClip decoded =
                        DecodedClip.decode(matchDir.resolve(r.get("path").asText()));
                for (DecodedClip.VideoFrame f : decoded.frames()) {
                    if (f.readable()) {
                        assertThat(insideASegment(clip, f.sourceFrame() * 1000 / match.fps(), 1000 / match.fps()))
                                .as(
                                        "frame %d of %s in %s",
                                        f.sourceFrame(), clip.get("clipId").asText(), match.id())
                                .isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("frames checked in " + match.id()).isGreaterThan(100);
    }

    private static boolean insideASegment(JsonNode clip, long ms, long slackMs) {
        for (JsonNode s : clip.get("segments")) {
            if (ms >= s.get("sourceStartMs").asLong() - slackMs
                    && ms <= s.get("sourceEndMs").asLong() + slackMs) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode clip(JsonNode manifest, String clipId) {
        for (JsonNode c : manifest.get("clips")) {
            if (c.get("clipId").asText().equals(clipId)) {
                return c;
            }
        }
        throw new AssertionError("no clip " + clipId + " in the manifest");
    }

    private static List<String> clipIds(JsonNode... manifests) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : manifests) {
            m.get("clips").forEach(c -> ids.add(c.get("clipId").asText()));
        }
        return ids;
    }

    private static List<RenderedClip> decode(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        List<RenderedClip> clips = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            clips.add(AvroMessages.decodeRenderedClip(r.value()));
        }
        return clips;
    }
}

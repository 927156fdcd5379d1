package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.RenderedClip;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.DecodedClip;
import io.hookline.testing.TestProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster at parallelism 2: a synthetic match whose feed mixes good events with
 * every kind of bad one. Every good clip must be rendered and listed in the manifest, ranked; every bad
 * record must be in dead-letters.jsonl with its line and reason; a second run must rewrite the same files.
 */
class HooklineJobTest {
    private static final String MATCH = "test-match";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    static Path out;
    static JsonNode manifest;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 25, 40_000, true, List.of(10_000L, 24_000L)), video);
        Path profiles = TestProfiles.write(dir.resolve("profiles"));
        Path events = dir.resolve("events.jsonl");
        Files.write(events, FEED, StandardCharsets.UTF_8);
        out = dir.resolve("out");
        run(events, video, profiles, out);
        manifest = new ObjectMapper()
                .readTree(out.resolve(MATCH).resolve("manifest.json").toFile());
    }

    /** Line numbers matter: the dead-letter test names them. */
    private static final List<String> FEED = List.of(
            event("e01", "PERIOD_START", 1_000, ""),
            event("e02", "KEY_PASS", 8_500, ",\"players\":[\"Ana O'Neil\"]"),
            event("e03", "GOAL", 10_000, ",\"players\":[\"Ana O'Neil\"],\"score\":{\"home\":1,\"away\":0}"),
            event("e04", "FOUL", 16_000, ""),
            "{ this is not json",
            event("e05", "SAVE", 24_000, ",\"players\":[\"Zoë Brandt\"]"),
            event("e06", "GOL", 27_000, ""),
            event("e05", "SAVE", 24_000, ",\"players\":[\"Zoë Brandt\"]"),
            event("e07", "CARD", 31_000, ",\"players\":[\"Jack \\\"The Wall\\\" Smith\"]"),
            event("e08", "SHOT", 95_000, ""),
            "{\"matchId\":\"" + MATCH + "\",\"eventId\":\"e09\",\"type\":\"SHOT\",\"period\":2}",
            event("e10", "PERIOD_END", 38_000, ""));

    @Test
    void everyGoodPlayBecomesARankedClipAndTheRulesCompilationsFollow() {
        // Plays: key pass + goal, the save, the card. The foul and the period markers make no clip.
        assertThat(manifest.get("matchId").asText()).isEqualTo(MATCH);
        List<String> plays = new ArrayList<>();
        List<String> compilations = new ArrayList<>();
        manifest.get("clips")
                .forEach(c -> (c.get("kind").asText().equals("play") ? plays : compilations)
                        .add(c.get("title").asText()));
        assertThat(plays)
                .containsExactly("Goal — Ana O'Neil (1-0)", "Save — Zoë Brandt", "Card — Jack \"The Wall\" Smith");
        // The shipped rules compile the top plays, each period's and each team's (at least 3 plays each).
        assertThat(compilations).containsExactlyInAnyOrder("Top 3 plays", "Best of period 1", "home: best plays");
        List<Integer> ranks = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        manifest.get("clips").forEach(c -> {
            ranks.add(c.get("rank").asInt());
            scores.add(c.get("score").asDouble());
        });
        assertThat(ranks).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(manifest.get("summary").get("renditions").asInt()).isEqualTo(12);
        assertThat(manifest.get("summary").get("failed").asInt())
                .as("failed renditions")
                .isZero();
    }

    @Test
    void everyRenditionIsAPlayableFileWithTheListedBytes() throws Exception {
        for (JsonNode clip : manifest.get("clips")) {
            JsonNode opening = clip.get("segments").get(0);
            assertThat(opening.get("role").asText())
                    .isEqualTo(clip.get("kind").asText().equals("play") ? "hook" : "teaser");
            for (JsonNode r : clip.get("renditions")) {
                assertThat(r.get("status").asText()).isEqualTo("ok");
                Path file = out.resolve(MATCH).resolve(r.get("path").asText());
                assertThat(Files.size(file)).isEqualTo(r.get("bytes").asLong());
                assertThat(sha256(file)).isEqualTo(r.get("sha256").asText());
                DecodedClip decoded = DecodedClip.decode(file);
                assertThat(decoded.width()).isEqualTo(r.get("width").asInt());
                // The first frame is the opening segment's first source frame (25 fps source).
                assertThat(decoded.sourceFrames()[0])
                        .isEqualTo(Math.round(opening.get("sourceStartMs").asLong() * 25 / 1000.0));
            }
        }
    }

    @Test
    void theAvroManifestHoldsTheSameClips() throws Exception {
        List<String> ids = new ArrayList<>();
        try (DataFileReader<RenderedClip> reader = new DataFileReader<>(
                out.resolve(MATCH).resolve("manifest.avro").toFile(), new SpecificDatumReader<>(RenderedClip.class))) {
            reader.forEach(c -> ids.add(c.getClipId()));
        }
        List<String> jsonIds = new ArrayList<>();
        manifest.get("clips").forEach(c -> jsonIds.add(c.get("clipId").asText()));
        assertThat(ids).isEqualTo(jsonIds).hasSize(6);
    }

    @Test
    void badRecordsLandInDeadLettersWithTheirLineAndReason() throws IOException {
        List<JsonNode> letters = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(MATCH).resolve("dead-letters.jsonl"))) {
            letters.add(new ObjectMapper().readTree(line));
        }
        assertThat(letters)
                .extracting(l -> l.get("origin").asText())
                .containsExactly(
                        "events.jsonl:5", "events.jsonl:7", "events.jsonl:8", "events.jsonl:10", "events.jsonl:11");
        assertThat(letters)
                .extracting(l -> l.get("reason").asText())
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("malformed JSON"),
                        r -> assertThat(r).contains("unknown event type 'GOL'").contains("did you mean 'GOAL'"),
                        r -> assertThat(r).contains("duplicate event id e05").contains("events.jsonl:6"),
                        r -> assertThat(r).contains("videoTimeMs 95000 is outside the video (0..40000 ms)"),
                        r -> assertThat(r).contains("no videoTimeMs"));
        assertThat(letters)
                .allSatisfy(l -> assertThat(l.get("matchId").asText()).isEqualTo(MATCH));
    }

    @Test
    void aSecondRunRewritesTheSameFilesAndNothingElse() throws Exception {
        byte[] before = Files.readAllBytes(out.resolve(MATCH).resolve("manifest.json"));
        List<Path> filesBefore = files(out);
        run(dir.resolve("events.jsonl"), dir.resolve("match.mp4"), dir.resolve("profiles"), out);
        assertThat(Files.readAllBytes(out.resolve(MATCH).resolve("manifest.json")))
                .isEqualTo(before);
        assertThat(files(out)).isEqualTo(filesBefore);
    }

    private static void run(Path events, Path video, Path profiles, Path out) throws Exception {
        Configuration conf = new Configuration();
        conf.set(JobOptions.EVENTS, events.toString());
        conf.set(JobOptions.VIDEO, video.toString());
        conf.set(JobOptions.OUT, out.toString());
        conf.set(JobOptions.PROFILES, profiles.toString());
        conf.set(JobOptions.ENCODER_THREADS, 1);
        JobSetup setup = JobSetup.prepare(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(setup.flinkConfig());
        env.setParallelism(2);
        setup.job().build(env);
        env.execute("job test");
    }

    private static String event(String id, String type, long videoMs, String extra) {
        return "{\"matchId\":\"" + MATCH + "\",\"eventId\":\"" + id + "\",\"type\":\"" + type
                + "\",\"period\":1,\"videoTimeMs\":" + videoMs + ",\"team\":\"home\"" + extra + "}";
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

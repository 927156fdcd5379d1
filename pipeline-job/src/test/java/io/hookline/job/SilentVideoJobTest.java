package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A video without sound: its plays are ranked on their events alone, and the manifest says so for each. */
class SilentVideoJobTest {
    private static final String MATCH = "silent";
    private static final String NO_AUDIO = "no audio around this play: ranked on event signals only";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    static List<JsonNode> plays = new ArrayList<>();

    @BeforeAll
    static void runTheJob() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(320, 180, 25, 30_000, false, List.of()), video);
        Path events = Files.write(
                dir.resolve("events.jsonl"),
                List.of(
                        "{\"matchId\":\"" + MATCH
                                + "\",\"eventId\":\"g1\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":8000,"
                                + "\"team\":\"home\",\"score\":{\"home\":1,\"away\":0}}",
                        "{\"matchId\":\"" + MATCH
                                + "\",\"eventId\":\"s1\",\"type\":\"SAVE\",\"period\":1,\"videoTimeMs\":21000,"
                                + "\"team\":\"away\"}"),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        JobRuns.run(events, video, TestProfiles.write(dir.resolve("profiles")), out);
        JsonNode manifest = new ObjectMapper()
                .readTree(out.resolve(MATCH).resolve("manifest.json").toFile());
        manifest.get("clips").forEach(c -> {
            if (c.get("kind").asText().equals("play")) {
                plays.add(c);
            }
        });
    }

    @Test
    void everyPlayIsRankedOnItsEventsAloneAndTheManifestSaysSo() {
        // The picture still moves, so a motion bonus may follow; the crowd is never named.
        assertThat(plays)
                .extracting(c -> c.get("explanation").asText())
                .satisfiesExactly(
                        x -> assertThat(x)
                                .startsWith("GOAL 1.00 x lead change 1.25")
                                .doesNotContain("crowd"),
                        x -> assertThat(x).startsWith("SAVE 0.70").doesNotContain("crowd"));
        for (JsonNode clip : plays) {
            List<String> notes = new ArrayList<>();
            clip.get("notes").forEach(n -> notes.add(n.asText()));
            assertThat(notes).as(clip.get("title").asText()).contains(NO_AUDIO);
            clip.get("renditions")
                    .forEach(r -> assertThat(r.get("status").asText()).isEqualTo("ok"));
        }
    }
}

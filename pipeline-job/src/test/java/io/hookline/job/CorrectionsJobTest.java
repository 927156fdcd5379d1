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

/**
 * Corrections in a feed: the job plans from each event's latest version. A deleted goal makes no clip; a goal
 * corrected to a new time and scorer is clipped there, under the new name; a stale version that arrives after
 * its correction changes nothing; none of them is a dead letter.
 */
class CorrectionsJobTest {
    private static final String MATCH = "corrections";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    static JsonNode manifest;

    private static final List<String> FEED = List.of(
            event("g1", 1, "GOAL", 6_000, "Ann Early", 1, 0, false),
            event("g2", 1, "GOAL", 12_000, "Wrong Name", 1, 0, false),
            event("s1", 2, "SAVE", 25_000, "Kim Keeper", 1, 0, false),
            // The first goal is taken back (offside): a delete is a new version with deleted: true.
            event("g1", 2, "GOAL", 6_000, "Ann Early", 1, 0, true),
            // The second goal was logged late and credited to the wrong player.
            event("g2", 2, "GOAL", 18_000, "Bo Right", 1, 0, false),
            // An old revision of the save arrives after its correction.
            event("s1", 1, "SAVE", 3_000, "Kim Keeper", 1, 0, false));

    @BeforeAll
    static void runTheJob() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 25, 30_000, true, List.of()), video);
        Path events = Files.write(dir.resolve("events.jsonl"), FEED, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        JobRuns.run(events, video, TestProfiles.write(dir.resolve("profiles")), out);
        manifest = new ObjectMapper()
                .readTree(out.resolve(MATCH).resolve("manifest.json").toFile());
        assertThat(out.resolve(MATCH).resolve("dead-letters.jsonl"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyFile());
    }

    @Test
    void onlyTheLatestVersionOfEachEventMakesClips() {
        List<String> titles = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        for (JsonNode clip : manifest.get("clips")) {
            titles.add(clip.get("title").asText());
            peaks.add(clip.get("peakMs").asLong());
        }
        assertThat(titles).containsExactlyInAnyOrder("Goal — Bo Right (1-0)", "Save — Kim Keeper (1-0)");
        // The deleted goal at 6 s, the goal's old time 12 s and the save's stale time 3 s make nothing.
        assertThat(peaks).containsExactlyInAnyOrder(18_000L, 25_000L);
    }

    @Test
    void theCorrectedGoalIsCutAroundItsNewTime() {
        JsonNode goal = null;
        for (JsonNode clip : manifest.get("clips")) {
            if (clip.get("title").asText().startsWith("Goal")) {
                goal = clip;
            }
        }
        assertThat(goal).isNotNull();
        // The shipped rules: 6 s before a goal, 4 s after.
        assertThat(goal.get("sourceStartMs").asLong()).isEqualTo(12_000);
        assertThat(goal.get("sourceEndMs").asLong()).isEqualTo(22_000);
        assertThat(goal.get("renditions"))
                .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ok"));
    }

    private static String event(
            String id, int version, String type, long videoMs, String player, int home, int away, boolean deleted) {
        return "{\"matchId\":\"" + MATCH + "\",\"eventId\":\"" + id + "\",\"version\":" + version + ",\"type\":\""
                + type
                + "\",\"period\":1,\"videoTimeMs\":" + videoMs + ",\"team\":\"home\",\"players\":[\"" + player
                + "\"],\"score\":{\"home\":" + home + ",\"away\":" + away + "}" + (deleted ? ",\"deleted\":true" : "")
                + "}";
    }
}

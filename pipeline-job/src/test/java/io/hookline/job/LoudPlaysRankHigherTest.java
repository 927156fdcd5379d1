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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Six identical shots, 15 s apart; the crowd roars at every other one. The job measures the video around each
 * play, and the shots the crowd roared at rank above the ones it did not, saying why.
 */
class LoudPlaysRankHigherTest {
    private static final String MATCH = "loud";
    private static final List<Long> SHOTS_MS = List.of(10_000L, 25_000L, 40_000L, 55_000L, 70_000L, 85_000L);
    private static final List<Long> ROARS_MS = List.of(10_000L, 40_000L, 70_000L);
    private static final Pattern CROWD = Pattern.compile("crowd \\+(\\d+\\.\\d+)");

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;
    /** The play clips of the plan by their shot's time. */
    static Map<Long, JsonNode> clipsByPeak = new HashMap<>();

    @BeforeAll
    static void planTheMatch() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(320, 180, 25, 100_000, true, ROARS_MS), video);
        List<String> feed = new ArrayList<>();
        for (int i = 0; i < SHOTS_MS.size(); i++) {
            feed.add("{\"matchId\":\"" + MATCH + "\",\"eventId\":\"s" + (i + 1) + "\",\"type\":\"SHOT\",\"period\":1,"
                    + "\"videoTimeMs\":" + SHOTS_MS.get(i) + ",\"team\":\"home\"}");
        }
        Path events = Files.write(dir.resolve("events.jsonl"), feed, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        JobRuns.plan(events, video, TestProfiles.write(dir.resolve("profiles")), out);
        JsonNode plan = new ObjectMapper()
                .readTree(out.resolve(MATCH).resolve("plan.json").toFile());
        plan.get("clips").forEach(c -> {
            if (c.get("kind").asText().equals("play")) {
                clipsByPeak.put(c.get("peakMs").asLong(), c);
            }
        });
    }

    @Test
    void theShotsTheCrowdRoaredAtRankAboveTheSameShotsWithoutARoar() {
        assertThat(clipsByPeak).containsOnlyKeys(SHOTS_MS);
        // The video's sync beep lifts every shot a little over the crowd's bed, so the quiet ones get a smaller
        // crowd bonus, not none.
        for (long loud : ROARS_MS) {
            for (long quiet : SHOTS_MS) {
                if (!ROARS_MS.contains(quiet)) {
                    assertThat(rank(loud))
                            .as("shot at %d ms (roar) against shot at %d ms", loud, quiet)
                            .isLessThan(rank(quiet));
                    assertThat(crowd(loud))
                            .as("crowd bonus at %d ms against %d ms", loud, quiet)
                            .isGreaterThan(crowd(quiet));
                }
            }
        }
    }

    @Test
    void eachExplanationStartsFromTheSameEventScoreAndNamesTheCrowd() {
        for (long shot : SHOTS_MS) {
            String explanation = clipsByPeak.get(shot).get("explanation").asText();
            assertThat(explanation).startsWith("SHOT 0.55");
            if (ROARS_MS.contains(shot)) {
                assertThat(explanation).contains("crowd +");
            }
        }
    }

    private static int rank(long shotMs) {
        return clipsByPeak.get(shotMs).get("rank").asInt();
    }

    /** The crowd bonus the explanation names, 0 when it names none. */
    private static double crowd(long shotMs) {
        Matcher m = CROWD.matcher(clipsByPeak.get(shotMs).get("explanation").asText());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

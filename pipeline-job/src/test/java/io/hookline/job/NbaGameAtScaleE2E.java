package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.cli.Main;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.media.MediaProbe;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.RealData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One match, hundreds of clips: the whole of a real NBA game (DET at ATL, 0021500001) imported onto a synthetic
 * video of 17.5 minutes and rendered in draft mode into every rendition of the shipped profile set, on a
 * MiniCluster at parallelism 2. Every play clip and every compilation comes out in every rendition, and every
 * file is what its profile asks for at draft size.
 *
 * <p>It renders for minutes, so it runs with {@code ./hookline test --e2e}, not with the unit tests; alone:
 * {@code mvn -B -pl pipeline-job -am verify -Pe2e -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=NbaGameAtScaleE2E}. It prints how long the job took.
 */
class NbaGameAtScaleE2E {
    private static final String GAME = "0021500001";
    private static final int FPS = 10;
    private static final long VIDEO_MS = 1_050_000;
    private static final int MIN_RENDITIONS = 700;

    /** Each 12-minute quarter is 4 minutes of video (the clock runs three times as fast), 20 s apart. */
    private static final String SYNC = """
            matchId: "0021500001"
            clock: countdown
            periodLength: "12:00"
            periods: {1: "0:10", 2: "4:30", 3: "8:50", 4: "13:10"}
            sync:
              - {period: 1, clock: "0:00", video: "4:10"}
              - {period: 2, clock: "0:00", video: "8:30"}
              - {period: 3, clock: "0:00", video: "12:50"}
              - {period: 4, clock: "0:00", video: "17:10"}
            """;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    static Path matchDir;
    static JsonNode manifest;
    static ProfileSet shipped;

    @BeforeAll
    static void renderTheGame() throws Exception {
        Path csv = RealData.file("nba-pbp/" + GAME + ".csv");
        Path events = dir.resolve("events.avro");
        StringWriter stdout = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(stdout, true));
        int exit = cli.execute(
                "import",
                "--format",
                "nba-pbp",
                csv.toString(),
                "--sync",
                Files.writeString(dir.resolve("sync.yaml"), SYNC).toString(),
                "--out",
                events.toString());
        assertThat(exit).as(stdout.toString()).isZero();

        Instant started = Instant.now();
        Path video = dir.resolve("game.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, FPS, VIDEO_MS, true, List.of()), video);
        Duration generating = Duration.between(started, Instant.now());

        shipped = ProfileLoader.loadBundled();
        Path out = dir.resolve("out");
        // No profiles directory: the job uses the set built into Hookline, every rendition of it.
        Configuration conf = JobRuns.conf(events, video, null, out);
        conf.set(JobOptions.DRAFT, true);
        started = Instant.now();
        JobRuns.run(conf, false);
        Duration rendering = Duration.between(started, Instant.now());

        matchDir = out.resolve(GAME);
        manifest = new ObjectMapper().readTree(matchDir.resolve("manifest.json").toFile());
        int plays = 0;
        int renditions = 0;
        for (JsonNode clip : manifest.get("clips")) {
            plays += clip.get("kind").asText().equals("play") ? 1 : 0;
            renditions += clip.get("renditions").size();
        }
        System.out.printf(
                "%s at scale: video generated in %d s; job (draft, %d renditions per clip) in %d s:"
                        + " %d clips (%d plays, %d compilations), %d renditions%n",
                GAME,
                generating.toSeconds(),
                shipped.renditions().size(),
                rendering.toSeconds(),
                manifest.get("clips").size(),
                plays,
                manifest.get("clips").size() - plays,
                renditions);
    }

    @Test
    void everyClipComesOutInEveryShippedRenditionHundredsInAll() {
        List<String> names = shipped.renditionNames();
        assertThat(names).hasSize(9);
        int renditions = 0;
        for (JsonNode clip : manifest.get("clips")) {
            List<String> profiles = new ArrayList<>();
            clip.get("renditions").forEach(r -> profiles.add(r.get("profile").asText()));
            assertThat(profiles).as(clip.get("title").asText()).containsExactlyInAnyOrderElementsOf(names);
            renditions += profiles.size();
        }
        assertThat(renditions).isGreaterThanOrEqualTo(MIN_RENDITIONS);
        assertThat(manifest.get("clips").findValues("kind"))
                .extracting(JsonNode::asText)
                .contains("play", "compilation");
    }

    @Test
    void everyRenditionRenderedAndProbesAsItsProfileAtDraftSize() {
        for (JsonNode clip : manifest.get("clips")) {
            for (JsonNode r : clip.get("renditions")) {
                String what =
                        clip.get("title").asText() + " / " + r.get("profile").asText();
                assertThat(r.get("status").asText())
                        .as(what + ": %s", r.get("error"))
                        .isEqualTo("ok");
                RenditionProfile profile = shipped.rendition(r.get("profile").asText());
                MediaProbe.Result probe =
                        MediaProbe.probe(matchDir.resolve(r.get("path").asText()));
                assertThat(probe.videoCodec()).as(what).isEqualTo("h264");
                // Draft frames are half the profile's width and height, kept even.
                assertThat(probe.width()).as(what).isEqualTo(profile.video().width() / 4 * 2);
                assertThat(probe.height()).as(what).isEqualTo(profile.video().height() / 4 * 2);
                assertThat(probe.fps()).as(what).isCloseTo(profile.video().fps(), within(0.01));
                assertThat(probe.durationMs()).as(what).isPositive();
                assertThat(probe.moovBeforeMdat()).as(what + ": faststart").isTrue();
                assertThat(probe.audioCodec()).as(what).isEqualTo("aac");
                assertThat(probe.bytes()).as(what).isEqualTo(r.get("bytes").asLong());
                assertThat(r.get("width").asInt()).as(what).isEqualTo(probe.width());
                assertThat(r.get("height").asInt()).as(what).isEqualTo(probe.height());
            }
        }
    }
}

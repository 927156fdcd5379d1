package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.cli.Main;
import io.hookline.ingest.FeedReader;
import io.hookline.ingest.sync.ClockSync;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.DecodedClip;
import io.hookline.testing.Fixtures;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An NBA game in the provider's CSV (the fixture written for the tests, RDG at HBR, 0029900077) imported with
 * {@code ./hookline import} and run through the job against a synthetic video of 11 min 20 s that covers it: every
 * dunk becomes a clip whose source window is where the sync file puts the dunk's game clock, and whose first
 * rendered frame is that window's hook.
 */
class ImportedFeedJobTest {
    private static final String GAME = "0029900077";
    private static final int FPS = 10;
    private static final long VIDEO_MS = 680_000;
    private static final long PRE_ROLL_MS = 4_000;
    private static final long POST_ROLL_MS = 2_000;
    private static final long HOOK_MS = 1_000;

    /**
     * Each quarter gets 2.5 minutes of video, 20 s apart; the fourth quarter's clock stops at 2:00 for 10 s. A
     * real broadcast runs longer; the mapping is the same kind.
     */
    private static final String SYNC = """
            matchId: "0029900077"
            clock: countdown
            periodLength: "12:00"
            periods: {1: "0:10", 2: "3:00", 3: "5:50", 4: "8:40"}
            sync:
              - {period: 1, clock: "6:00", video: "1:30"}
              - {period: 1, clock: "0:00", video: "2:40"}
              - {period: 2, clock: "0:00", video: "5:30"}
              - {period: 3, clock: "0:00", video: "8:20"}
              - {period: 4, clock: "2:00", video: "10:50"}
              - {period: 4, clock: "2:00", video: "11:00"}
              - {period: 4, clock: "0:00", video: "11:10"}
            """;

    /** Only dunks make clips, played alone (no gap joins events), so each window is the rule's rolls around it. */
    private static final String RULES = """
            name: dunks
            hookSeconds: 1
            playGapSeconds: 0
            maxPlaySeconds: 30
            events:
              DUNK: {clip: true, weight: 1.0, preRollSeconds: 4, postRollSeconds: 2}
            """;

    private static final String RENDITION = """
            renditions:
              small:
                description: one small rendition at the source's frame rate, so frames map one to one
                video: {width: 640, height: 360, fps: 10, fit: crop, codec: h264, profile: high, level: "3.0",
                        gopSeconds: 1, preset: ultrafast, crf: 30, maxBitrateKbps: 1000}
                audio: {sampleRate: 48000, channels: 2, bitrateKbps: 64, loudnessLufs: -14, truePeakDbtp: -1}
                duration: {minSeconds: 1, maxSeconds: 60}
                graphics: plain
                container: {format: mp4, moovFirst: true, editLists: true}
                safeZone: {}
            """;

    private static final String GRAPHICS = """
            templates:
              plain:
                caption: {enabled: false}
            """;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    static Path out;
    static String importOutput;
    static List<MatchEvent> dunks;
    static ClockSync sync;
    static JsonNode manifest;

    @BeforeAll
    static void importAndRun() throws Exception {
        Path csv = Fixtures.file("feeds/nba-pbp/" + GAME + ".csv");
        Path syncFile = Files.writeString(dir.resolve("sync.yaml"), SYNC);
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
                syncFile.toString(),
                "--out",
                events.toString());
        importOutput = stdout.toString();
        assertThat(exit).as(importOutput).isZero();
        sync = SyncFile.load(syncFile).sync();
        dunks = read(events).stream().filter(e -> e.getType().equals("DUNK")).toList();

        Path profiles = dir.resolve("profiles");
        Files.createDirectories(profiles.resolve("rules"));
        Files.createDirectories(profiles.resolve("profiles"));
        Files.writeString(profiles.resolve("rules/highlights.yaml"), RULES);
        Files.writeString(profiles.resolve("profiles/small.yaml"), RENDITION);
        Files.createDirectories(profiles.resolve("graphics"));
        Files.writeString(profiles.resolve("graphics/plain.yaml"), GRAPHICS);

        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, FPS, VIDEO_MS, true, List.of()), video);
        out = dir.resolve("out");
        JobRuns.run(events, video, profiles, out);
        manifest = new ObjectMapper()
                .readTree(out.resolve(GAME).resolve("manifest.json").toFile());
    }

    @Test
    void theImportSaysWhatItRead() {
        assertThat(importOutput)
                .contains("Match 0029900077 (nba-pbp): 36 rows read, 34 imported, 2 dropped")
                .containsPattern("DUNK +3")
                .contains("Wrote 37 events to");
    }

    @Test
    void everyDunkIsAClipWhoseWindowIsWhereTheSyncFilePutsItsClock() throws Exception {
        assertThat(dunks).hasSize(3);
        Map<Long, JsonNode> clipsByPeak = new HashMap<>();
        manifest.get("clips").forEach(c -> clipsByPeak.put(c.get("peakMs").asLong(), c));
        assertThat(clipsByPeak).hasSize(dunks.size());
        for (MatchEvent dunk : dunks) {
            long peak = sync.place(dunk.getPeriod(), dunk.getGameClockMs()).videoMs();
            assertThat(dunk.getVideoTimeMs()).isEqualTo(peak);
            JsonNode clip = clipsByPeak.get(peak);
            assertThat(clip)
                    .as("clip of dunk %s at %d ms", dunk.getEventId(), peak)
                    .isNotNull();
            assertThat(clip.get("title").asText())
                    .startsWith("Dunk — " + dunk.getPlayers().get(0));
            assertThat(clip.get("sourceStartMs").asLong()).isEqualTo(peak - PRE_ROLL_MS);
            assertThat(clip.get("sourceEndMs").asLong()).isEqualTo(peak + POST_ROLL_MS);
            JsonNode hook = clip.get("segments").get(0);
            assertThat(hook.get("role").asText()).isEqualTo("hook");
            assertThat(hook.get("sourceStartMs").asLong()).isEqualTo(peak - HOOK_MS / 2);
        }
    }

    @Test
    void eachClipOpensOnTheSourceFrameHalfAHookBeforeItsDunk() throws Exception {
        assertThat(dunks).hasSize(3);
        Map<Long, JsonNode> clipsByPeak = new HashMap<>();
        manifest.get("clips").forEach(c -> clipsByPeak.put(c.get("peakMs").asLong(), c));
        for (MatchEvent dunk : dunks) {
            long peak = sync.place(dunk.getPeriod(), dunk.getGameClockMs()).videoMs();
            JsonNode rendition = clipsByPeak.get(peak).get("renditions").get(0);
            assertThat(rendition.get("status").asText()).isEqualTo("ok");
            DecodedClip decoded = DecodedClip.decode(
                    out.resolve(GAME).resolve(rendition.get("path").asText()));
            assertThat(decoded.sourceFrames()[0])
                    .as("dunk %s", dunk.getEventId())
                    .isEqualTo(Math.round((peak - HOOK_MS / 2) * FPS / 1000.0));
        }
    }

    private static List<MatchEvent> read(Path file) throws Exception {
        List<MatchEvent> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                FeedReader reader = FeedReader.open(in, file.toString())) {
            for (FeedRecord r = reader.next(); r != null; r = reader.next()) {
                events.add(r.getEvent());
            }
        }
        return events;
    }
}

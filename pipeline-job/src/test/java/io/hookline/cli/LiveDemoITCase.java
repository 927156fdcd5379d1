package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.demo.LandedClip;
import io.hookline.demo.LiveRun;
import io.hookline.demo.LiveScript;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.job.JobOptions;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.sample.SyntheticVideo;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code ./hookline demo --live} path on a 20-second synthetic match played four times faster than
 * real time, twice, two seconds apart: HLS playouts, a paced feed on the embedded broker, the live job, and the
 * clips read back from the topic with their latencies.
 *
 * <p>NEEDS THE JOB'S LIVE VIDEO WIRING (clips wait for a growing playlist to cover their window; main 2c0954d):
 * without it the job opens the playlists as plain files and the clips fail or come out short.
 */
class LiveDemoITCase {
    private static final long DURATION_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void twoStaggeredLiveMatchesGiveClipsWhoseLatencyRunsFromTheVideoCoveringThem() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 25, DURATION_MS, true, List.of(8_000L)), video);
        LiveScript script = new LiveScript(
                video,
                DURATION_MS,
                new MatchDescriptor("template", "A short derby", "Riverside", "Harbour"),
                List.of(
                        event("e1", "PERIOD_START", 500, null),
                        event("e2", "SHOT", 3_000, null),
                        event("e3", "GOAL", 8_000, new Score(1, 0)),
                        event("e4", "SAVE", 13_000, null),
                        event("e5", "PERIOD_END", 19_000, null)));
        Configuration job = new Configuration();
        job.set(JobOptions.RENDITIONS, DemoCommand.DEMO_RENDITIONS);
        job.set(JobOptions.DRAFT, true);
        job.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        Path out = dir.resolve("out");
        List<String> ids = LiveScript.ids("short-derby", 2);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LiveDemo demo = new LiveDemo(new PrintWriter(new OutputStreamWriter(printed, StandardCharsets.UTF_8), true));

        int exit = demo.run(new LiveRun.Settings(out, script, ids, Duration.ofSeconds(2), 4.0, job));

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(ExitCodes.OK);
        for (String id : ids) {
            assertThat(Files.readString(
                            out.resolve(LiveRun.LIVE_DIR).resolve(id).resolve("live.m3u8")))
                    .endsWith("#EXT-X-ENDLIST\n");
            List<LandedClip> plays = demo.landed().stream()
                    .filter(c -> c.clip().getMatchId().equals(id) && c.isPlay())
                    .toList();
            assertThat(plays).as(text).hasSizeGreaterThanOrEqualTo(2);
            // A clip cannot be cut before the video covers it: every latency is positive.
            assertThat(plays).allSatisfy(c -> assertThat(c.latency()).isPositive());
            assertThat(plays)
                    .allSatisfy(c -> assertThat(c.clip().getRenditions())
                            .allSatisfy(r -> assertThat(r.getStatus().name()).isEqualTo("ok")));
        }
        assertThat(text).contains("short-derby-2", "p50", "p95", "max");
    }

    private static MatchEvent event(String id, String type, long videoMs, Score score) {
        return MatchEvent.newBuilder()
                .setMatchId("template")
                .setEventId(id)
                .setType(type)
                .setPeriod(1)
                .setVideoTimeMs(videoMs)
                .setTeam("home")
                .setScore(score)
                .setAttributes(Map.of())
                .build();
    }
}

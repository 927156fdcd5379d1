package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.ingest.sync.SyncException;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.LiveHls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync file whose times are the wall clock, placed on a live playlist through its EXT-X-PROGRAM-DATE-TIME
 * tags; the windows cut at those places hold the frames recorded then. The broadcast breaks for half an hour
 * after its third segment: the dates jump across a discontinuity, and a time in the break is no video at all.
 */
class WallClockSyncTest {
    private static final String PLAYLIST = """
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:00:00.000Z
            #EXTINF:2.000,
            seg0.ts
            #EXTINF:2.000,
            seg1.ts
            #EXTINF:2.000,
            seg2.ts
            #EXT-X-DISCONTINUITY
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:30:00.000+00:00
            #EXTINF:2.000,
            seg3.ts
            #EXTINF:2.000,
            seg4.ts
            #EXTINF:2.000,
            seg5.ts
            #EXT-X-ENDLIST
            """;

    @TempDir
    static Path work;

    static LiveHls hls;

    @TempDir
    Path live;

    @BeforeAll
    static void cutSegments() throws Exception {
        hls = LiveHls.cut(work, false);
    }

    @Test
    void periodStartsGivenAsWallClockTimesPlaceThePlaysOnTheFramesRecordedThen() throws Exception {
        try (LiveVideo video = publish()) {
            SyncFile sync = SyncFile.read("sync.yaml", """
                    matchId: wall-clock-derby
                    clock: running
                    periods:
                      1: "2026-12-06T20:00:01Z"
                      2: 2026-12-06T20:30:00.500Z
                    """.getBytes(StandardCharsets.UTF_8), video::videoMsAt);

            long firstHalf = sync.sync().place(1, 2_000).videoMs();
            long secondHalf = sync.sync().place(2, 3_000).videoMs();

            assertThat(firstHalf).isEqualTo(3_000);
            assertThat(secondHalf)
                    .as("6 s of video before the break, and 3.5 s after it")
                    .isEqualTo(9_500);
            for (long at : new long[] {firstHalf, secondHalf}) {
                Window window = video.await(at - 1000, at + 1000, Duration.ofSeconds(5), Duration.ofMillis(50));
                assertThat(WindowFrames.decode(window, at - 1000, at + 1000))
                        .containsExactlyElementsOf(WindowFrames.expected(at - 1000, at + 1000));
            }
        }
    }

    @Test
    void aWallClockTimeInTheBreakOrWithNoVideoToAskIsAnErrorOnItsLine() throws Exception {
        byte[] inBreak = """
                matchId: wall-clock-derby
                clock: running
                periods:
                  1: "2026-12-06T20:00:01Z"
                  2: "2026-12-06T20:10:00Z"
                """.getBytes(StandardCharsets.UTF_8);
        try (LiveVideo video = publish()) {
            assertThatThrownBy(() -> SyncFile.read("sync.yaml", inBreak, video::videoMsAt))
                    .isInstanceOf(SyncException.class)
                    .hasMessageStartingWith("sync.yaml:5:")
                    .hasMessageContaining("no video was recorded at 2026-12-06T20:10:00Z");
        }
        assertThatThrownBy(() -> SyncFile.read("sync.yaml", inBreak))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("sync.yaml:4:")
                .hasMessageContaining("is a wall-clock time: give the match's video");
    }

    /** The six segments and the playlist with its dates, read once as an import reads it. */
    private LiveVideo publish() throws Exception {
        hls.publish(LiveHls.directory(live), 0, hls.segmentCount(), true);
        Files.writeString(live.resolve("live.m3u8"), PLAYLIST);
        LiveVideo video = LiveVideo.open(live.resolve("live.m3u8").toString(), S3Settings.defaults(), false);
        video.refresh();
        return video;
    }
}

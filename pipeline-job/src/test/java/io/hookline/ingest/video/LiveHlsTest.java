package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hookline.sample.SyntheticVideo;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.LiveHls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Live HLS playlists in a local directory, growing while the test waits for windows of them. */
class LiveHlsTest {
    private static final Duration POLL = Duration.ofMillis(50);
    /** 2^33 ticks at 90 kHz, less 9 s: MPEG-TS timestamps wrap 9 s into a video cut with this offset. */
    private static final long WRAP_AT_9S_US = (1L << 33) * 1000 / 90 - 9_000_000;
    /** 100 hours: fMP4 video times of 4.6e9 ticks at 12800 Hz, more than 32 bits hold. */
    private static final long FAR_AHEAD_US = 360_000_000_000L;

    @TempDir
    static Path work;

    static LiveHls mpegts;
    static LiveHls fmp4;

    @TempDir
    Path live;

    @BeforeAll
    static void cutSegments() throws Exception {
        mpegts = LiveHls.cut(work, false);
        fmp4 = LiveHls.cut(work, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpegts", "fmp4"})
    void aWindowHoldsExactlyTheSourceFramesOfItsTimes(String type) throws Exception {
        LiveHls stream = type.equals("fmp4") ? fmp4 : mpegts;
        stream.publish(LiveHls.directory(live), 0, stream.segmentCount(), true);
        try (LiveVideo video = open()) {
            for (long[] times : new long[][] {{0, 1000}, {3000, 5000}, {3960, 6040}, {1230, 9870}, {10_000, 12_000}}) {
                Window window = video.await(times[0], times[1], Duration.ofSeconds(5), POLL);

                assertThat(WindowFrames.decode(window, times[0], times[1]))
                        .as("window %d-%d ms", times[0], times[1])
                        .containsExactlyElementsOf(WindowFrames.expected(times[0], times[1]));
                assertThat(window.notes()).isEmpty();
                assertThat(window.identity()).isEqualTo("hls:" + live.resolve("live.m3u8"));
            }
        }
    }

    @Test
    void theFirstWindowIsReadyBeforeTheLaterSegmentsExist() throws Exception {
        // Opened before the playlist exists: a reading that finds nothing is tried again until the wait is over.
        try (LiveVideo video = open()) {
            Thread publisher = mpegts.publishEvery(LiveHls.directory(live), 500);
            Window first = video.await(0, 2000, Duration.ofSeconds(10), POLL);
            Instant ready = Instant.now();

            Instant fourth = mpegts.publishedAt(3);
            assertThat(fourth == null || fourth.isAfter(ready))
                    .as("segment 3 came out after the window was ready")
                    .isTrue();
            assertThat(WindowFrames.decode(first, 0, 2000)).containsExactlyElementsOf(WindowFrames.expected(0, 2000));

            Window last = video.await(9000, 12_000, Duration.ofSeconds(10), POLL);
            assertThat(mpegts.publishedAt(5)).isNotNull();
            assertThat(WindowFrames.decode(last, 9000, 12_000))
                    .containsExactlyElementsOf(WindowFrames.expected(9000, 12_000));
            assertThat(video.refresh().ended()).isTrue();
            publisher.join();
        }
    }

    @Test
    void aWindowBeyondAStalledEdgeFailsOnceTheWaitIsOver() throws Exception {
        mpegts.publish(LiveHls.directory(live), 0, 3, false);
        try (LiveVideo video = open()) {
            Duration wait = Duration.ofMillis(800);
            long started = System.nanoTime();

            assertThatThrownBy(() -> video.await(5000, 7000, wait, Duration.ofMillis(200)))
                    .isInstanceOf(VideoNotCoveredException.class)
                    .hasMessageStartingWith("the video stops at 0:06; the play ends at 0:07 (no new video for");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isBetween(wait, wait.plusMillis(200 + 300));
        }
    }

    @Test
    void aWindowPastTheEndOfAnEndedVideoFailsAtOnce() throws Exception {
        mpegts.publish(LiveHls.directory(live), 0, mpegts.segmentCount(), true);
        try (LiveVideo video = open()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> video.await(11_000, 13_500, Duration.ofSeconds(30), POLL))
                    .isInstanceOf(VideoNotCoveredException.class)
                    .hasMessage("the video stops at 0:12; the play ends at 0:13 (the video has ended)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"absent", "empty", "random bytes", "bad sync bytes"})
    void aDamagedSegmentIsSkippedAndNotedAndTheFramesAroundItAreRight(String damage) throws Exception {
        mpegts.publish(LiveHls.directory(live), 0, mpegts.segmentCount(), true);
        damage(live.resolve("seg2.ts"), damage);
        try (LiveVideo video = open()) {
            List<WindowFrames.Shown> shown = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                Window window = video.await(2000, 8000, Duration.ofSeconds(5), POLL);
                assertThat(window.notes())
                        .singleElement()
                        .asString()
                        .startsWith("segment 2 (0:04.0-0:06.0) ")
                        .endsWith(": skipped")
                        .contains(
                                damage.equals("absent")
                                        ? "is missing"
                                        : damage.equals("empty") ? "is empty" : "is not MPEG-TS");
                return WindowFrames.decode(window, 2000, 8000);
            });

            assertThat(shown.get(0)).isEqualTo(new WindowFrames.Shown(50, 2_000_000));
            assertThat(shown).filteredOn(s -> s.frame() < 100).containsExactlyElementsOf(WindowFrames.frames(50, 100));
            assertThat(shown)
                    .filteredOn(s -> s.frame() >= 100)
                    .containsExactlyElementsOf(WindowFrames.frames(150, 200));
        }
    }

    @Test
    void anEncoderThatStartsAgainWithItsMediaSequenceBackAtZeroCarriesOnTheTimeline() throws Exception {
        mpegts.publish(LiveHls.directory(live), 0, 3, false);
        try (LiveVideo video = open()) {
            assertThat(video.await(0, 6000, Duration.ofSeconds(5), POLL).notes())
                    .isEmpty();
            // The new encoder's timestamps start near 2^33 and wrap a second into its second segment.
            publishRestart(false, 3);

            assertWindows(video);
        }
    }

    @Test
    void aDiscontinuityWhereTimestampsStartAgainAndWrapGivesTheRightFramesOnEachSide() throws Exception {
        mpegts.publish(LiveHls.directory(live), 0, 3, false);
        try (LiveVideo video = open()) {
            publishRestart(true, 0);

            assertWindows(video);
        }
    }

    @ParameterizedTest
    @CsvSource({"discontinuity, init.mp4", "discontinuity, restarted-init.mp4", "restart, restarted-init.mp4"})
    void fmp4FragmentsOfAnEncoderWhoseTimesJumpAheadAreMovedOntoTheTimeline(String how, String laterInit)
            throws Exception {
        fmp4.publish(LiveHls.directory(live), 0, 3, false);
        try (LiveVideo video = open()) {
            assertThat(video.await(0, 6000, Duration.ofSeconds(5), POLL).notes())
                    .isEmpty();
            LiveHls restarted = LiveHls.cut(LiveHls.source(work), work.resolve("restarted"), true, FAR_AHEAD_US);
            publishRestart(restarted, how.equals("discontinuity"), how.equals("restart") ? 3 : 0, laterInit);

            assertWindows(video);
        }
    }

    @Test
    void aDiscontinuityToAnInitSegmentOfAnotherPictureSizeStopsTheWindowThereWithANote() throws Exception {
        fmp4.publish(LiveHls.directory(live), 0, 3, false);
        Path other = Files.createDirectories(work.resolve("other"));
        SyntheticVideo.write(
                new SyntheticVideo.Spec(256, 144, LiveHls.FPS, 12_000, true, List.of()), other.resolve("source.mp4"));
        publishRestart(
                LiveHls.cut(other.resolve("source.mp4"), other, true, FAR_AHEAD_US), true, 0, "restarted-init.mp4");
        try (LiveVideo video = open()) {
            Window window = assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> video.await(1000, 11_960, Duration.ofSeconds(5), POLL));

            assertThat(window.notes())
                    .containsExactly("a discontinuity at 0:06.0 cannot be joined (fMP4: the init"
                            + " segment after it gives track 1 (vide) another sample description (codec, picture or decoder"
                            + " settings)): the window stops there");
            assertThat(WindowFrames.decode(window, 1000, 11_960))
                    .containsExactlyElementsOf(WindowFrames.expected(1000, 6000));
        }
    }

    /**
     * Segments 3-5 as an encoder with other timestamps (wrapping past 2^33 at 0:09) cuts them, listed after
     * segments 0-2 of the first one: after a discontinuity in one playlist, or on their own in the playlist of
     * an encoder that started again.
     */
    private void publishRestart(boolean discontinuity, int from) throws Exception {
        publishRestart(
                LiveHls.cut(LiveHls.source(work), work.resolve("restarted"), false, WRAP_AT_9S_US),
                discontinuity,
                from,
                null);
    }

    /**
     * As {@link #publishRestart(boolean, int)}, with the segments of {@code restarted}: fMP4 ones under the
     * init segment {@code laterInit}, the first encoder's (init.mp4) or the restarted one's own.
     */
    private void publishRestart(LiveHls restarted, boolean discontinuity, int from, String laterInit) throws Exception {
        String extension = laterInit == null ? ".ts" : ".m4s";
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n");
        if (laterInit != null && !laterInit.equals("init.mp4")) {
            Files.write(live.resolve(laterInit), restarted.init());
        }
        for (int i = from; i < 6; i++) {
            String name = (i < 3 ? "seg" : "restarted") + i + extension;
            if (i >= 3) {
                Files.write(live.resolve(name), restarted.segment(i));
            }
            text.append(i == 3 && discontinuity ? "#EXT-X-DISCONTINUITY\n" : "");
            if (laterInit != null && i == from) {
                text.append("#EXT-X-MAP:URI=\"")
                        .append(i < 3 ? "init.mp4" : laterInit)
                        .append("\"\n");
            } else if (laterInit != null && i == 3) {
                text.append("#EXT-X-MAP:URI=\"").append(laterInit).append("\"\n");
            }
            text.append("#EXTINF:2.000000,\n").append(name).append('\n');
        }
        LiveHls.directory(live)
                .put(
                        "live.m3u8",
                        text.append("#EXT-X-ENDLIST\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Windows before, after and across the change of encoder hold the frames of their times: the new encoder's
     * segments are moved onto the timeline where the playlist places them.
     */
    private static void assertWindows(LiveVideo video) throws Exception {
        for (long[] times : new long[][] {{1000, 5000}, {6500, 11_500}, {4000, 8000}, {1000, 11_960}}) {
            Window window = assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> video.await(times[0], times[1], Duration.ofSeconds(5), POLL));
            assertThat(window.notes()).isEmpty();
            assertThat(WindowFrames.decode(window, times[0], times[1]))
                    .as("window %d-%d ms", times[0], times[1])
                    .containsExactlyElementsOf(WindowFrames.expected(times[0], times[1]));
        }
        // A renderer that shows a later moment first seeks into the moved run.
        Window whole = video.await(0, 12_000, Duration.ofSeconds(5), POLL);
        for (long[] times : new long[][] {{7000, 9000}, {10_500, 11_000}, {2000, 3000}}) {
            assertThat(WindowFrames.decode(whole, times[0], times[1]))
                    .as("%d-%d ms of the whole video", times[0], times[1])
                    .containsExactlyElementsOf(WindowFrames.expected(times[0], times[1]));
        }
        assertThat(video.refresh().coveredMs()).isEqualTo(12_000);
    }

    private LiveVideo open() {
        return LiveVideo.open(live.resolve("live.m3u8").toString(), S3Settings.defaults(), false);
    }

    private static void damage(Path segment, String how) throws Exception {
        byte[] data = Files.readAllBytes(segment);
        switch (how) {
            case "absent" -> Files.delete(segment);
            case "empty" -> Files.write(segment, new byte[0]);
            case "random bytes" -> {
                new Random(7).nextBytes(data);
                Files.write(segment, data);
            }
            default -> {
                data[188 * 10] = 0x00;
                Files.write(segment, data);
            }
        }
    }
}

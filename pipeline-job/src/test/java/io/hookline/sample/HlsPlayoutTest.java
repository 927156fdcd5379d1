package io.hookline.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.video.LiveVideo;
import io.hookline.ingest.video.MediaPlaylist;
import io.hookline.ingest.video.Window;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.DecodedClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A six-second synthetic video played out four times faster than real time: the playlist grows a segment at a
 * time, each segment is one GOP that decodes on its own, and the job's own live reader gets every frame back.
 */
class HlsPlayoutTest {
    private static final int FPS = 25;
    private static final double SPEED = 4.0;
    private static final SyntheticVideo.Spec SPEC =
            new SyntheticVideo.Spec(320, 180, FPS, 6_000, true, List.of(2_000L));

    @TempDir
    static Path dir;

    static Path source;
    static HlsPlayout playout;
    /** Every distinct playlist text seen while the playout ran, in order. */
    static final List<MediaPlaylist> readings = new ArrayList<>();

    @BeforeAll
    static void playOut() throws Exception {
        source = dir.resolve("source.mp4");
        SyntheticVideo.write(SPEC, source);
        Path live = dir.resolve("live");
        playout = HlsPlayout.start(source, live, Instant.now().plusMillis(200), SPEED, HlsPlayout.DEFAULT_SEGMENT);
        String last = "";
        while (!playout.ended()) {
            Path playlist = live.resolve(HlsPlayout.PLAYLIST);
            if (Files.exists(playlist)) {
                String text = Files.readString(playlist);
                if (!text.equals(last)) {
                    readings.add(MediaPlaylist.parse(playlist.toString(), text));
                    last = text;
                }
            }
            Thread.sleep(20);
        }
        readings.add(MediaPlaylist.parse("final", Files.readString(live.resolve(HlsPlayout.PLAYLIST))));
        assertThat(playout.failure()).isNull();
    }

    @Test
    void thePlaylistGrowsASegmentAtATimeAndEndsOnlyAtTheEnd() {
        List<Integer> sizes =
                readings.stream().map(p -> p.segments().size()).distinct().toList();
        assertThat(sizes).isSorted().hasSizeGreaterThan(3).last().isEqualTo(6);
        assertThat(readings)
                .filteredOn(MediaPlaylist::ended)
                .allSatisfy(p -> assertThat(p.segments()).hasSize(6));
        assertThat(readings.get(readings.size() - 1).ended()).isTrue();
        assertThat(readings.get(readings.size() - 1).segments())
                .allSatisfy(s -> assertThat(s.programDateTime()).isNotNull())
                .extracting(MediaPlaylist.Segment::durationUs)
                .containsOnly(1_000_000L);
    }

    @Test
    void eachSegmentGoesOutWhenThePlayoutReachesItsEnd() {
        List<HlsPlayout.Segment> segments = playout.published();
        assertThat(segments)
                .extracting(HlsPlayout.Segment::startMs)
                .containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L);
        for (HlsPlayout.Segment s : segments) {
            assertThat(s.publishedAt())
                    .isAfterOrEqualTo(playout.wallTimeAt(s.endMs()).minusMillis(5))
                    .isBefore(playout.wallTimeAt(s.endMs()).plusMillis(200));
        }
        assertThat(playout.coveredAt(2500)).contains(segments.get(2).publishedAt());
        assertThat(playout.coveredAt(3000)).contains(segments.get(2).publishedAt());
    }

    @Test
    void everySegmentStartsOnAKeyframeAndDecodesOnItsOwn() throws Exception {
        for (HlsPlayout.Segment s : playout.published()) {
            DecodedClip decoded = DecodedClip.decode(dir.resolve("live").resolve(s.uri()));
            long first = s.startMs() * FPS / 1000;
            assertThat(decoded.frames().get(0).keyframe()).as(s.uri()).isTrue();
            assertThat(decoded.sourceFrames())
                    .as(s.uri())
                    .containsExactly(LongStream.range(first, first + FPS).toArray());
            assertThat(decoded.hasAudio()).isTrue();
        }
    }

    @Test
    void theJobsLiveReaderGetsEveryFrameBackInOrder() throws Exception {
        try (LiveVideo video = LiveVideo.open(playout.playlist().toString(), S3Settings.defaults(), false)) {
            assertThat(video.refresh().ended()).isTrue();
            Window window = video.await(0, 6_000, Duration.ofSeconds(5), Duration.ofMillis(50));
            assertThat(window.notes()).isEmpty();
            DecodedClip joined = DecodedClip.decode(Path.of(window.location()));
            assertThat(joined.sourceFrames())
                    .containsExactly(LongStream.range(0, 150).toArray());
            assertThat(joined.frames()).noneMatch(DecodedClip.VideoFrame::damaged);
        }
    }
}

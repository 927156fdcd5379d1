package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SegmentTimelineTest {

    @Test
    void aSlidingWindowPlaylistKeepsTheTimelineOfTheFirstSegmentSeen() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(playlist(100, "#EXTINF:2.0,\na.ts\n#EXTINF:2.5,\nb.ts\n"), UnaryOperator.identity());
        boolean grew = timeline.merge(playlist(101, "#EXTINF:2.5,\nb.ts\n#EXTINF:1.0,\nc.ts\n"),
                UnaryOperator.identity());

        assertThat(grew).isTrue();
        assertThat(timeline.endUs()).isEqualTo(5_500_000);
        assertThat(timeline.overlapping(4_600_000, 5_000_000)).singleElement()
                .satisfies(c -> {
                    assertThat(c.sequence()).isEqualTo(102);
                    assertThat(c.startUs()).isEqualTo(4_500_000);
                });
        assertThat(timeline.merge(playlist(101, "#EXTINF:2.5,\nb.ts\n#EXTINF:1.0,\nc.ts\n"),
                UnaryOperator.identity())).isFalse();
    }

    @Test
    void segmentsNeverSeenAreTakenToLastTheTargetDuration() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(playlist(7, "#EXTINF:2.0,\na.ts\n"), UnaryOperator.identity());
        timeline.merge(playlist(10, "#EXTINF:2.0,\nd.ts\n"), UnaryOperator.identity());

        assertThat(timeline.overlapping(0, Long.MAX_VALUE)).extracting(SegmentTimeline.Placed::startUs)
                .containsExactly(0L, 2_000_000L + 2 * 4_000_000L);
    }

    @Test
    void programDateTimesMapWallClockTimesToVideoTimes() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(playlist(0, """
                #EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:00:00Z
                #EXTINF:2.0,
                a.ts
                #EXTINF:2.0,
                b.ts
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:10:00Z
                #EXTINF:2.0,
                c.ts
                """), UnaryOperator.identity());

        assertThat(timeline.videoMsAt(Instant.parse("2026-12-06T20:00:03.250Z"))).hasValue(3250);
        assertThat(timeline.videoMsAt(Instant.parse("2026-12-06T20:10:01Z"))).hasValue(5000);
        assertThat(new SegmentTimeline().videoMsAt(Instant.now())).isEmpty();
    }

    private static MediaPlaylist playlist(long sequence, String body) throws PlaylistException {
        return MediaPlaylist.parse("live.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:" + sequence
                + "\n" + body);
    }
}

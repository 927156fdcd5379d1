package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SegmentTimelineTest {

    @Test
    void aSlidingWindowPlaylistKeepsTheTimelineOfTheFirstSegmentSeen() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(playlist(100, "#EXTINF:2.0,\na.ts\n#EXTINF:2.5,\nb.ts\n"), UnaryOperator.identity());
        boolean grew =
                timeline.merge(playlist(101, "#EXTINF:2.5,\nb.ts\n#EXTINF:1.0,\nc.ts\n"), UnaryOperator.identity());

        assertThat(grew).isTrue();
        assertThat(timeline.endUs()).isEqualTo(5_500_000);
        assertThat(timeline.overlapping(4_600_000, 5_000_000)).singleElement().satisfies(c -> {
            assertThat(c.sequence()).isEqualTo(102);
            assertThat(c.startUs()).isEqualTo(4_500_000);
        });
        assertThat(timeline.merge(playlist(101, "#EXTINF:2.5,\nb.ts\n#EXTINF:1.0,\nc.ts\n"), UnaryOperator.identity()))
                .isFalse();
    }

    @Test
    void segmentsNeverSeenAreTakenToLastTheTargetDuration() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(playlist(7, "#EXTINF:2.0,\na.ts\n"), UnaryOperator.identity());
        timeline.merge(playlist(10, "#EXTINF:2.0,\nd.ts\n"), UnaryOperator.identity());

        assertThat(timeline.overlapping(0, Long.MAX_VALUE))
                .extracting(SegmentTimeline.Placed::startUs)
                .containsExactly(0L, 2_000_000L + 2 * 4_000_000L);
    }

    @Test
    void aMediaSequenceThatGoesBackIsAnEncoderRestartWhoseSegmentsFollowTheLastOneKnown() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(playlist(100, "#EXTINF:2.0,\na100.ts\n#EXTINF:2.0,\na101.ts\n"), UnaryOperator.identity());
        boolean grew =
                timeline.merge(playlist(0, "#EXTINF:2.0,\nb0.ts\n#EXTINF:1.5,\nb1.ts\n"), UnaryOperator.identity());

        assertThat(grew).isTrue();
        assertThat(timeline.endUs()).isEqualTo(7_500_000);
        List<SegmentTimeline.Placed> all = timeline.overlapping(0, Long.MAX_VALUE);
        assertThat(all)
                .extracting(SegmentTimeline.Placed::location)
                .containsExactly("a100.ts", "a101.ts", "b0.ts", "b1.ts");
        assertThat(all)
                .extracting(SegmentTimeline.Placed::startUs)
                .containsExactly(0L, 2_000_000L, 4_000_000L, 6_000_000L);
        assertThat(all.get(2).run())
                .as("a restart is a discontinuity")
                .isNotEqualTo(all.get(1).run());
        assertThat(all.get(3).run()).isEqualTo(all.get(2).run());

        // Later readings of the restarted encoder carry on from where it started again.
        timeline.merge(playlist(1, "#EXTINF:1.5,\nb1.ts\n#EXTINF:2.0,\nb2.ts\n"), UnaryOperator.identity());
        assertThat(timeline.overlapping(7_600_000, 7_700_000))
                .extracting(SegmentTimeline.Placed::location)
                .containsExactly("b2.ts");
    }

    @Test
    void anEventPlaylistThatStartsAgainFromTheSameSequenceListsFewerSegments() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(
                playlist(0, "#EXTINF:2.0,\na0.ts\n#EXTINF:2.0,\na1.ts\n#EXTINF:2.0,\na2.ts\n"),
                UnaryOperator.identity());
        timeline.merge(playlist(0, "#EXTINF:2.0,\nb0.ts\n"), UnaryOperator.identity());

        assertThat(timeline.overlapping(6_000_000, 8_000_000))
                .extracting(SegmentTimeline.Placed::location)
                .containsExactly("b0.ts");
    }

    @Test
    void aStaleCopyOfAnEarlierReadingChangesNothing() throws Exception {
        SegmentTimeline timeline = new SegmentTimeline();
        timeline.merge(
                playlist(100, "#EXTINF:2.0,\na.ts\n#EXTINF:2.0,\nb.ts\n#EXTINF:2.0,\nc.ts\n"),
                UnaryOperator.identity());

        assertThat(timeline.merge(playlist(100, "#EXTINF:2.0,\na.ts\n#EXTINF:2.0,\nb.ts\n"), UnaryOperator.identity()))
                .isFalse();
        assertThat(timeline.merge(
                        playlist(101, "#EXTINF:2.0,\nb.ts\n#EXTINF:2.0,\nc.ts\n#EXTINF:2.0,\nd.ts\n"),
                        UnaryOperator.identity()))
                .isTrue();
        assertThat(timeline.overlapping(0, Long.MAX_VALUE))
                .extracting(SegmentTimeline.Placed::location)
                .containsExactly("a.ts", "b.ts", "c.ts", "d.ts");
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

        assertThat(timeline.videoMsAt(Instant.parse("2026-12-06T20:00:03.250Z")))
                .hasValue(3250);
        assertThat(timeline.videoMsAt(Instant.parse("2026-12-06T20:10:01Z"))).hasValue(5000);
        assertThat(new SegmentTimeline().videoMsAt(Instant.now())).isEmpty();
    }

    private static MediaPlaylist playlist(long sequence, String body) throws PlaylistException {
        return MediaPlaylist.parse(
                "live.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:" + sequence + "\n" + body);
    }
}

package io.hookline.ingest.kafka;

import static io.hookline.testing.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.MatchEvent;
import org.junit.jupiter.api.Test;

/** The end marker a closed feed gets: at its last event's time, on the video or on the wall clock. */
class MatchEndTest {

    @Test
    void aFeedTimedOnTheVideoEndsAtItsLastVideoTime() {
        MatchEvent end =
                MatchPublisher.matchEnd(event("e9", "SHOT", 61_000).setPeriod(2).build());

        assertThat(end.getType()).isEqualTo("MATCH_END");
        assertThat(end.getPeriod()).isEqualTo(2);
        assertThat(end.getVideoTimeMs()).isEqualTo(61_000L);
        assertThat(end.getWallClockMs()).isNull();
    }

    @Test
    void aFeedTimedByTheWallClockEndsAtItsLastWallClockTime() {
        MatchEvent end = MatchPublisher.matchEnd(event("e9", "SHOT", 0)
                .setVideoTimeMs(null)
                .setWallClockMs(1_796_000_000_000L)
                .build());

        assertThat(end.getVideoTimeMs()).isNull();
        assertThat(end.getWallClockMs()).isEqualTo(1_796_000_000_000L);
    }
}

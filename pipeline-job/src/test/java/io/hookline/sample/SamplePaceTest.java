package io.hookline.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.MatchEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePaceTest {
    private static final List<MatchEvent> EVENTS = SampleMatch.events();

    @Test
    void aSpreadOfOneChangesNothing() {
        assertThat(SamplePace.spread(EVENTS, 1)).isEqualTo(EVENTS);
        assertThat(SamplePace.durationMs(EVENTS, SampleMatch.DURATION_MS, 1)).isEqualTo(SampleMatch.DURATION_MS);
    }

    @Test
    void gapsBetweenPlaysGrowAndGapsWithinAPlayStay() {
        List<MatchEvent> spread = SamplePace.spread(EVENTS, 3);

        assertThat(spread)
                .extracting(MatchEvent::getEventId)
                .isEqualTo(EVENTS.stream().map(MatchEvent::getEventId).toList());
        for (int i = 1; i < EVENTS.size(); i++) {
            long before = EVENTS.get(i).getVideoTimeMs() - EVENTS.get(i - 1).getVideoTimeMs();
            long after = spread.get(i).getVideoTimeMs() - spread.get(i - 1).getVideoTimeMs();
            assertThat(after).as("gap before event %d", i).isEqualTo(before > 4_000 ? 3 * before : before);
        }
    }

    @Test
    void theSpreadMatchEndsAsLongAfterItsLastEventTimesTheSpread() {
        long last = EVENTS.get(EVENTS.size() - 1).getVideoTimeMs();
        long spreadLast = SamplePace.spread(EVENTS, 3).get(EVENTS.size() - 1).getVideoTimeMs();

        assertThat(SamplePace.durationMs(EVENTS, SampleMatch.DURATION_MS, 3))
                .isEqualTo(spreadLast + 3 * (SampleMatch.DURATION_MS - last));
        assertThat(SampleMatch.durationMs(3)).isBetween(450_000L, 600_000L);
    }
}

package io.hookline.sample;

import io.hookline.model.MatchEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sample match at a slower pace. The sample is condensed (a play every 12 s or so, where a real game has one
 * worth a clip every minute or more); spread, the quiet time between its plays is {@code factor} times as long
 * while each play keeps its own timing, so it makes the same plays and clips, only further apart.
 */
final class SamplePace {
    /** Events further apart than this are different plays under the bundled rules ({@code playGapSeconds}). */
    private static final long PLAY_GAP_MS = 4_000;

    private SamplePace() {}

    /** {@code events} with every gap longer than a play gap {@code factor} times as long. */
    static List<MatchEvent> spread(List<MatchEvent> events, double factor) {
        List<MatchEvent> out = new ArrayList<>();
        long previous = 0;
        long added = 0;
        for (MatchEvent e : sorted(events)) {
            long gap = e.getVideoTimeMs() - previous;
            if (gap > PLAY_GAP_MS) {
                added += Math.round(gap * (factor - 1));
            }
            previous = e.getVideoTimeMs();
            out.add(MatchEvent.newBuilder(e)
                    .setVideoTimeMs(e.getVideoTimeMs() + added)
                    .build());
        }
        return out;
    }

    /** Where the spread match ends: its last event, then the quiet after it, spread alike. */
    static long durationMs(List<MatchEvent> events, long durationMs, double factor) {
        List<MatchEvent> spread = spread(events, factor);
        if (spread.isEmpty()) {
            return Math.round(durationMs * factor);
        }
        long last = sorted(events).get(events.size() - 1).getVideoTimeMs();
        return spread.get(spread.size() - 1).getVideoTimeMs() + Math.round((durationMs - last) * factor);
    }

    private static List<MatchEvent> sorted(List<MatchEvent> events) {
        return events.stream()
                .sorted(Comparator.comparingLong(MatchEvent::getVideoTimeMs))
                .toList();
    }
}

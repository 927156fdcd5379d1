package io.hookline.planning;

import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.profiles.EventRule;
import io.hookline.profiles.HighlightRules;
import io.hookline.vocabulary.EventType;
import java.util.List;
import java.util.Optional;

/**
 * The stretch of video a play's clip shows: from the pre-roll before its first event to the post-roll after
 * its last, using the rule of the play's peak, within the video and at most the rules' longest play.
 *
 * @param trimNote why the window is shorter than the rolls asked for, when it is
 */
public record PlayWindow(long startMs, long endMs, Optional<String> trimNote) {

    public static PlayWindow of(Play play, HighlightRules rules, long videoDurationMs) {
        EventRule rule = rules.rule(type(peak(play).getEvent()));
        long peakMs = play.getPeakMs();
        long start = Math.max(0, play.getStartMs() - rule.preRollMs());
        long end = Math.min(videoDurationMs, play.getEndMs() + rule.postRollMs());
        if (end - start <= rules.maxPlayMs()) {
            return new PlayWindow(start, end, Optional.empty());
        }
        String note = "clip of " + (end - start) / 1000.0 + " s trimmed around its peak to "
                + rules.maxPlayMs() / 1000.0 + " s";
        long windowStart = start;
        // Keep the peak inside, with the pre-roll's share of the budget before it.
        long before = Math.min(
                peakMs - start,
                rules.maxPlayMs() * rule.preRollMs() / Math.max(1, rule.preRollMs() + rule.postRollMs()));
        start = Math.max(start, peakMs - before);
        end = Math.min(end, start + rules.maxPlayMs());
        // A peak too near the end leaves budget unused after it: it goes to the build-up instead.
        start = Math.max(windowStart, end - rules.maxPlayMs());
        return new PlayWindow(start, end, Optional.of(note));
    }

    /**
     * The window a play's clip and every compilation showing the play use: {@link #of} with its ends on
     * nearby shot cuts once the play's video has been measured. Both use the same, so the stretch is encoded
     * once and reused.
     */
    public static PlayWindow forClip(Play play, HighlightRules rules, long videoDurationMs) {
        PlayWindow window = of(play, rules, videoDurationMs);
        return play.getMedia() == null
                ? window
                : window.snappedTo(play.getMedia().getCutsMs(), play.getPeakMs());
    }

    /** The play's hook: {@code hookMs} around the peak, inside this window. */
    public long[] hook(long peakMs, long hookMs) {
        long start = Math.max(startMs, Math.min(peakMs - hookMs / 2, endMs - hookMs));
        return new long[] {start, Math.min(endMs, start + hookMs)};
    }

    /** A shot cut this close to a clip's start or end becomes the start or end. */
    public static final long SNAP_MS = 1_500;

    /**
     * This window with its ends moved onto shot cuts within reach, so the clip starts on a fresh shot and does
     * not end on the first frame of the next one. The peak always stays inside.
     */
    public PlayWindow snappedTo(List<Long> cutsMs, long peakMs) {
        long start = nearestCut(cutsMs, startMs, peakMs, true);
        long end = nearestCut(cutsMs, endMs, peakMs, false);
        return new PlayWindow(start, end, trimNote);
    }

    /** The cut within reach of {@code at} on the given side of the peak nearest to it, or {@code at}. */
    private static long nearestCut(List<Long> cutsMs, long at, long peakMs, boolean beforePeak) {
        long best = at;
        long bestDistance = SNAP_MS + 1;
        for (long cut : cutsMs) {
            long distance = Math.abs(cut - at);
            if (distance < bestDistance && (beforePeak ? cut < peakMs : cut > peakMs)) {
                best = cut;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The play's peak event. */
    public static ScoredEvent peak(Play play) {
        return play.getEvents().stream()
                .filter(e -> e.getEvent().getEventId().equals(play.getPeakEventId()))
                .findFirst()
                .orElseThrow();
    }

    /** The rule that decides the play's clip: its peak's. */
    public static EventRule rule(Play play, HighlightRules rules) {
        return rules.rule(type(peak(play).getEvent()));
    }

    private static EventType type(MatchEvent e) {
        return EventType.parse(e.getType()).orElseThrow();
    }
}

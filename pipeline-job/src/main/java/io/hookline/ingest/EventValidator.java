package io.hookline.ingest;

import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.vocabulary.EventType;
import io.hookline.vocabulary.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The checks one event must pass on its own before the job uses it. Checks that need other events
 * (duplicate ids) happen where the match's state is.
 */
public final class EventValidator {
    private static final List<String> TYPE_NAMES =
            Arrays.stream(EventType.values()).map(Enum::name).toList();

    private final long videoDurationMs;

    /** @param videoDurationMs the video's length, or a negative value when it is not known */
    public EventValidator(long videoDurationMs) {
        this.videoDurationMs = videoDurationMs;
    }

    /** Why the event cannot be used, or empty when it can. */
    public Optional<String> problem(MatchEvent e) {
        if (e.getMatchId().isBlank()) {
            return Optional.of("matchId is empty");
        }
        if (e.getEventId().isBlank()) {
            return Optional.of("eventId is empty");
        }
        String id = "event " + e.getEventId() + ": ";
        if (EventType.parse(e.getType()).isEmpty()) {
            String hint = Suggestions.didYouMean(e.getType(), TYPE_NAMES);
            return Optional.of(id + "unknown event type '" + e.getType() + "'"
                    + (hint.isEmpty() ? "; known types: " + EventType.names() : hint));
        }
        if (e.getVersion() < 1) {
            return Optional.of(id + "version must be 1 or more, got " + e.getVersion());
        }
        if (e.getPeriod() < 1) {
            return Optional.of(id + "period must be 1 or more, got " + e.getPeriod());
        }
        if (e.getGameClockMs() != null && e.getGameClockMs() < 0) {
            return Optional.of(id + "gameClockMs is negative: " + e.getGameClockMs());
        }
        if (e.getScore() != null && (e.getScore().getHome() < 0 || e.getScore().getAway() < 0)) {
            return Optional.of(id + "score is negative: " + e.getScore().getHome() + "-"
                    + e.getScore().getAway());
        }
        Location l = e.getLocation();
        if (l != null && (l.getX() < 0 || l.getX() > 1 || l.getY() < 0 || l.getY() > 1)) {
            return Optional.of(
                    id + "location must be within 0..1 on both axes, got (" + l.getX() + ", " + l.getY() + ")");
        }
        if (e.getVideoTimeMs() == null && e.getWallClockMs() != null) {
            // A growing video places it by its dates, once it has recorded that moment.
            return videoDurationMs < 0
                    ? Optional.empty()
                    : Optional.of(id + "no videoTimeMs, only a wallClock:"
                            + " a wall-clock time is placed only by a live job, on an HLS video with EXT-X-PROGRAM-DATE-TIME"
                            + " (or import the feed with a sync file and --video PLAYLIST)");
        }
        if (e.getVideoTimeMs() == null) {
            return Optional.of(id + "no videoTimeMs: the event cannot be placed in the video"
                    + " (import provider feeds with a sync file)");
        }
        long t = e.getVideoTimeMs();
        if (t < 0 && videoDurationMs < 0) {
            return Optional.of(id + "videoTimeMs " + t + " is negative");
        }
        if (t < 0 || (videoDurationMs >= 0 && t > videoDurationMs)) {
            return Optional.of(id + "videoTimeMs " + t + " is outside the video (0.." + videoDurationMs + " ms)");
        }
        return Optional.empty();
    }
}

package io.hookline.scoring;

import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups scored events into plays: events at most the rules' play gap apart in video time belong together
 * (a key pass, the shot, the goal). A play's peak is its highest-scoring event; the rest of the play adds a
 * little for the build-up.
 */
public final class PlayGrouper {
    static final double BUILD_UP = 0.2;
    /**
     * The build-up adds at most this share of the peak's own score: a dense feed (hundreds of passes in one
     * play) would otherwise rank a play by how much was logged rather than by what happened.
     */
    static final double MAX_BUILD_UP = 0.5;

    /** Video-time order, then event id, so the same events always group the same way. */
    public static final Comparator<ScoredEvent> ORDER = Comparator.comparingLong(
                    (ScoredEvent e) -> e.getEvent().getVideoTimeMs())
            .thenComparing(e -> e.getEvent().getEventId());

    private final long gapMs;

    public PlayGrouper(long gapMs) {
        this.gapMs = gapMs;
    }

    /** Splits events (in any order) into groups, each in video-time order. */
    public List<List<ScoredEvent>> groups(List<ScoredEvent> events) {
        List<ScoredEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        List<List<ScoredEvent>> groups = new ArrayList<>();
        List<ScoredEvent> current = new ArrayList<>();
        for (ScoredEvent e : sorted) {
            if (!current.isEmpty() && time(e) - time(current.get(current.size() - 1)) > gapMs) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(e);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** Whether no later event can still join a group whose last event is at {@code lastMs}, at time {@code nowMs}. */
    public boolean closed(long lastMs, long nowMs) {
        return nowMs >= lastMs + gapMs;
    }

    /** The match time at which a group whose last event is at {@code lastMs} closes. */
    public long closesAt(long lastMs) {
        return lastMs + gapMs;
    }

    /** Builds the play of one group. */
    public static Play play(List<ScoredEvent> group) {
        return play(group, "p-" + group.get(0).getEvent().getEventId());
    }

    /** The id of a play made again after a correction: {@code p-e3}, then {@code p-e3~2}, {@code p-e3~3}... */
    public static String revisionId(String playId) {
        int mark = playId.lastIndexOf('~');
        if (mark < 0) {
            return playId + "~2";
        }
        return playId.substring(0, mark + 1) + (Integer.parseInt(playId.substring(mark + 1)) + 1);
    }

    /**
     * A play's events with {@code e} in: it replaces the event of the same id (or leaves it out, when it is a
     * delete), or joins them. In video-time order.
     */
    public static List<ScoredEvent> revise(List<ScoredEvent> events, ScoredEvent e) {
        List<ScoredEvent> revised = new ArrayList<>();
        for (ScoredEvent other : events) {
            if (!other.getEvent().getEventId().equals(e.getEvent().getEventId())) {
                revised.add(other);
            }
        }
        if (!e.getEvent().getDeleted()) {
            revised.add(e);
        }
        revised.sort(ORDER);
        return revised;
    }

    /** Builds the play of one group, under {@code playId}. */
    public static Play play(List<ScoredEvent> group, String playId) {
        ScoredEvent peak = group.get(0);
        for (ScoredEvent e : group) {
            if (e.getScore() >= peak.getScore()) {
                peak = e;
            }
        }
        double buildUp = 0;
        for (ScoredEvent e : group) {
            if (e != peak) {
                buildUp += e.getScore();
            }
        }
        buildUp = Math.min(buildUp * BUILD_UP, peak.getScore() * MAX_BUILD_UP);
        String explanation = peak.getExplanation() + (buildUp > 0 ? " + build-up " + EventScorer.format(buildUp) : "");
        ScoredEvent first = group.get(0);
        return Play.newBuilder()
                .setPlayId(playId)
                .setMatchId(first.getEvent().getMatchId())
                .setEvents(group)
                .setPeakEventId(peak.getEvent().getEventId())
                .setPeakMs(time(peak))
                .setStartMs(time(first))
                .setEndMs(time(group.get(group.size() - 1)))
                .setScore(peak.getScore() + buildUp)
                .setExplanation(explanation)
                .build();
    }

    private static long time(ScoredEvent e) {
        return e.getEvent().getVideoTimeMs();
    }
}

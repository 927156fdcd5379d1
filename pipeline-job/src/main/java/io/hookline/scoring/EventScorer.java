package io.hookline.scoring;

import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.profiles.HighlightRules;
import io.hookline.vocabulary.EventType;
import java.util.Locale;

/**
 * Scores one event from its type's weight and the game context it happened in. Every factor that changes
 * the score is named in the explanation, so an editor can see why a clip ranks where it does.
 */
public final class EventScorer {
    static final double LEAD_CHANGE = 1.25;
    static final double EQUALISER = 1.15;

    private final HighlightRules rules;

    public EventScorer(HighlightRules rules) {
        this.rules = rules;
    }

    /**
     * @param before the score before the event
     */
    public ScoredEvent score(MatchEvent event, Score before) {
        EventType type = EventType.parse(event.getType()).orElseThrow(
                () -> new IllegalArgumentException("unvalidated event type " + event.getType()));
        double weight = rules.rule(type).weight();
        StringBuilder why = new StringBuilder(type.name()).append(' ').append(format(weight));
        double score = weight;
        Score after = event.getScore() == null ? before : event.getScore();
        boolean leadChange = leader(before) != leader(after) && leader(after) != 0;
        if (leadChange) {
            score *= LEAD_CHANGE;
            why.append(" x lead change ").append(format(LEAD_CHANGE));
        } else if (leader(before) != 0 && leader(after) == 0) {
            score *= EQUALISER;
            why.append(" x equaliser ").append(format(EQUALISER));
        }
        return ScoredEvent.newBuilder()
                .setEvent(event)
                .setScore(score)
                .setExplanation(why.toString())
                .setScoreBefore(before)
                .setLeadChange(leadChange)
                .build();
    }

    /** The score after an event, given the score before it. */
    public static Score after(MatchEvent event, Score before) {
        return event.getScore() == null ? before : event.getScore();
    }

    /** 1 when home leads, -1 when away leads, 0 when level. */
    private static int leader(Score s) {
        return Integer.signum(s.getHome() - s.getAway());
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

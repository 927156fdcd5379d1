package io.hookline.scoring;

import io.hookline.model.MatchEvent;
import io.hookline.profiles.HighlightRules;
import io.hookline.vocabulary.EventType;
import java.io.Serializable;
import java.util.Comparator;

/**
 * The order a match's events are scored in: by video time, then the weightier event first, then by event id.
 * It rests on facts of the match only, never on arrival: a goal and its assist logged at the same moment are
 * scored goal first (so the goal, not the assist, changes the lead) whichever the feed sent first, and a
 * correction appended at the end of a feed scores as the original did.
 */
public final class EventOrder implements Comparator<MatchEvent>, Serializable {
    private final HighlightRules rules;

    public EventOrder(HighlightRules rules) {
        this.rules = rules;
    }

    @Override
    public int compare(MatchEvent a, MatchEvent b) {
        int byTime = Long.compare(a.getVideoTimeMs(), b.getVideoTimeMs());
        if (byTime != 0) {
            return byTime;
        }
        int byWeight = Double.compare(weight(b), weight(a));
        return byWeight != 0 ? byWeight : a.getEventId().compareTo(b.getEventId());
    }

    private double weight(MatchEvent e) {
        return EventType.parse(e.getType()).map(t -> rules.rule(t).weight()).orElse(0.0);
    }
}

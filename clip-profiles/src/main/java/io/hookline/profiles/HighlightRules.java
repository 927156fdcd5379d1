package io.hookline.profiles;

import io.hookline.vocabulary.EventType;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which events make clips and how they are cut.
 *
 * @param name the rule set's name; it goes into clip ids
 * @param hookMs length of the hook, the peak moment shown first
 * @param playGapMs events at most this far apart belong to one play
 * @param maxPlayMs a longer play is trimmed around its peak
 * @param events the rule per event type; types not listed neither make clips nor add excitement
 */
public record HighlightRules(String name, long hookMs, long playGapMs, long maxPlayMs, Map<EventType, EventRule> events)
        implements Serializable {

    private static final EventRule IGNORED = new EventRule(false, 0.0, 0, 0);

    public HighlightRules {
        events = events.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(events));
    }

    /** The rule for a type; an unlisted type gets a rule that makes no clip and weighs nothing. */
    public EventRule rule(EventType type) {
        return events.getOrDefault(type, IGNORED);
    }
}

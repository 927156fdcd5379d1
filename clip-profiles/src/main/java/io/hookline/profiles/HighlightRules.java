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
 * @param context how the game situation changes a play's score ({@link ContextRules#NONE} when not set)
 * @param media what the video adds to a play's score ({@link MediaRules#NONE} when not set)
 * @param replay the slow replay at the end of play clips ({@link ReplayRule#NONE} when not set)
 * @param compilations the compilations a match gets ({@link CompilationRules#NONE} when not set)
 * @param camera how panning crops move ({@link CameraMotion#FIXED} when not set)
 */
public record HighlightRules(
        String name,
        long hookMs,
        long playGapMs,
        long maxPlayMs,
        Map<EventType, EventRule> events,
        ContextRules context,
        MediaRules media,
        ReplayRule replay,
        CompilationRules compilations,
        CameraMotion camera)
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

package io.hookline.profiles;

import java.io.Serializable;
import java.util.Map;

/**
 * Game-context multipliers: the same dunk counts more when it decides a close game.
 *
 * @param sports how to read each sport's clock and margins, by the feed's {@code sport} attribute
 * @param clutch multiplier for a play in the last {@code clutchLastMs} of the match with the score close
 * @param buzzer multiplier for a score with at most {@code buzzerLastMs} left in its period
 * @param overtime multiplier for anything in overtime
 * @param run multiplier for the score that completes an unanswered run
 */
public record ContextRules(
        Map<String, SportRules> sports,
        double leadChange,
        double equaliser,
        double clutch,
        long clutchLastMs,
        double buzzer,
        long buzzerLastMs,
        double overtime,
        double run)
        implements Serializable {

    /** No game context: every multiplier 1. */
    public static final ContextRules NONE = new ContextRules(Map.of(), 1, 1, 1, 0, 1, 0, 1, 1);

    public ContextRules {
        sports = Map.copyOf(sports);
    }

    /** The rules of a sport, or null when the feed's sport is not listed (no clock-based context then). */
    public SportRules sport(String name) {
        return name == null ? null : sports.get(name);
    }
}

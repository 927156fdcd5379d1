package io.hookline.vocabulary;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one event vocabulary shared by every sport and provider. Feeds and importers map their own types onto
 * these; the provider's original type travels in the event's attributes. Highlight rules refer to these names.
 */
public enum EventType {
    // Match structure
    /**
     * The match's descriptor: its teams' names and title in the attributes ({@code homeTeam}, {@code awayTeam},
     * {@code title}), sent by {@code submit --match} before the match's events. Not a moment of play.
     */
    MATCH_START,
    PERIOD_START,
    PERIOD_END,
    /** The final whistle. A live match ends with it: its last plays close and its clips are planned. */
    MATCH_END,
    TIMEOUT,
    SUBSTITUTION,

    // Scoring
    /** A goal for the scoring team, including penalties. */
    GOAL,
    /** A goal a player put into their own net; scores for the other team. */
    OWN_GOAL,
    /** A made basket that is not one of the finer kinds below. */
    BASKET,
    DUNK,
    LAYUP,
    THREE_POINTER,
    FREE_THROW,

    // Attempts and defence
    /** A shot that did not score (saved, blocked, wide, post, missed). The outcome is in the attributes. */
    SHOT,
    SAVE,
    BLOCK,
    STEAL,
    REBOUND,
    TURNOVER,

    // Build-up
    ASSIST,
    KEY_PASS,
    /** Corner, free kick, throw-in or penalty awarded. */
    SET_PIECE,

    // Discipline
    FOUL,
    CARD,
    JUMP_BALL;

    /** Looks a name up exactly as written in a feed or a rule. */
    public static Optional<EventType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** All names, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}

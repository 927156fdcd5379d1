package io.hookline.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The values a graphics text can show, written {@code {name}} in a template's text. The set is fixed. */
public enum Placeholder {
    /** The event in words, e.g. {@code Dunk}. */
    ACTION("action"),
    /** The same in capitals, e.g. {@code DUNK}. */
    ACTION_CAPITALS("ACTION"),
    /** The player the event is about, e.g. {@code Léa Martin}. */
    PLAYER("player"),
    /** That player's team. */
    TEAM("team"),
    /** The score at that moment, home first, e.g. {@code 2-1}. */
    SCORE("score"),
    /** The home team's name. */
    HOME("home"),
    /** The away team's name. */
    AWAY("away"),
    /** The period, e.g. {@code 2}. */
    PERIOD("period"),
    /** The game clock at the event, e.g. {@code 67:12}. */
    CLOCK("clock");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    /** What goes between the braces. */
    public String token() {
        return token;
    }

    public static Optional<Placeholder> parse(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }

    public static List<String> tokens() {
        return Arrays.stream(values()).map(Placeholder::token).toList();
    }
}

package io.hookline.planning;

import io.hookline.model.MatchEvent;
import java.util.Locale;

/** Human titles for clips, e.g. "Goal — Léa Martin (2-1)". Feed text is kept as data, never interpreted. */
public final class ClipTitles {

    private ClipTitles() {}

    public static String of(MatchEvent peak) {
        StringBuilder title = new StringBuilder(label(peak.getType()));
        if (!peak.getPlayers().isEmpty()) {
            title.append(" — ").append(peak.getPlayers().get(0));
        }
        if (peak.getScore() != null) {
            title.append(" (")
                    .append(peak.getScore().getHome())
                    .append('-')
                    .append(peak.getScore().getAway())
                    .append(')');
        }
        return title.toString();
    }

    /** GOAL → "Goal", THREE_POINTER → "Three pointer". */
    static String label(String type) {
        String words = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

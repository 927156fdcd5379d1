package io.hookline.publish;

import io.hookline.profiles.Placeholder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The placeholder values of a post's text. The manifest carries a clip's title, not its graphics labels, so
 * they are read back from the title's fixed shape ({@code "Goal — Léa Martin (2-1)"}, see ClipTitles):
 * action, player and score. Team, home, away, period and clock stay empty until the manifest carries them.
 */
final class ClipFacts {
    private static final String DASH = " — ";

    private ClipFacts() {}

    static Map<Placeholder, String> of(ManifestClip clip) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        String rest = clip.title().strip();
        if (rest.endsWith(")") && rest.lastIndexOf(" (") > 0) {
            int open = rest.lastIndexOf(" (");
            values.put(Placeholder.SCORE, rest.substring(open + 2, rest.length() - 1));
            rest = rest.substring(0, open);
        }
        int dash = rest.indexOf(DASH);
        String action = dash < 0 ? rest : rest.substring(0, dash);
        if (dash >= 0) {
            values.put(Placeholder.PLAYER, rest.substring(dash + DASH.length()));
        }
        values.put(Placeholder.ACTION, action);
        values.put(Placeholder.ACTION_CAPITALS, action.toUpperCase(Locale.ROOT));
        return values;
    }
}

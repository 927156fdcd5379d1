package io.hookline.render.graphics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Three-letter team codes for a score bug too narrow for the names, as broadcasters abbreviate: the first
 * letters of the name (Riverside Rovers: RIV); when both teams would get the same code, the initial and the
 * start of the last word (Manchester United: MUN, Manchester City: MCI).
 */
final class TeamCodes {

    private TeamCodes() {}

    /** The codes of the home and the away team, in that order. */
    static List<String> of(String home, String away) {
        String h = code(home, false);
        String a = code(away, false);
        if (h.equals(a)) {
            h = code(home, true);
            a = code(away, true);
        }
        return List.of(h, a);
    }

    private static String code(String name, boolean initialAndLastWord) {
        List<String> words = Arrays.stream(name.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
        if (words.isEmpty()) {
            return head(name.strip(), 3).toUpperCase(Locale.ROOT);
        }
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        String code = initialAndLastWord && words.size() > 1
                ? first.substring(0, first.offsetByCodePoints(0, 1)) + head(last, 2)
                : head(first, 3);
        return code.toUpperCase(Locale.ROOT);
    }

    private static String head(String word, int codePoints) {
        return word.codePointCount(0, word.length()) <= codePoints
                ? word
                : word.substring(0, word.offsetByCodePoints(0, codePoints));
    }
}

package io.hookline.vocabulary;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name an editor most likely meant, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The closest known name, if it is a typo away: one edit for short names, two for longer ones. Case is
     * ignored, so {@code goal} finds {@code GOAL}; a swap of two neighbours counts as one edit.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        int allowed = name.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" when a known name is a typo away, else "". */
    public static String didYouMean(String name, Collection<String> known) {
        return closest(name, known).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of adjacent characters. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

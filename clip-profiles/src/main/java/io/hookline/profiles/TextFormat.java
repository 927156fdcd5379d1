package io.hookline.profiles;

import io.hookline.vocabulary.Suggestions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A graphics text with placeholders, e.g. {@code "{ACTION} — {player}"}. Braces mark placeholders only, and
 * every name between them must be one of {@link Placeholder}'s, so a typo fails when the profiles load rather
 * than showing up on a published clip.
 *
 * @param pattern the text as the editor wrote it
 */
public record TextFormat(String pattern) implements Serializable {

    public TextFormat {
        parts(pattern);
    }

    /** Checks pattern; the exception's message says what is wrong with it. */
    public static TextFormat parse(String pattern) {
        return new TextFormat(pattern);
    }

    /** The placeholders used, in order of appearance. */
    public List<Placeholder> placeholders() {
        return parts(pattern).stream()
                .flatMap(part -> part.placeholder().stream())
                .toList();
    }

    /**
     * The text with each placeholder replaced by its value; a placeholder without a value becomes empty. The
     * result is plain text for the renderer to draw, never part of a filter graph or a command.
     */
    public String fill(Map<Placeholder, String> values) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts(pattern)) {
            text.append(part.placeholder().map(p -> values.getOrDefault(p, "")).orElse(part.literal()));
        }
        return text.toString();
    }

    private record Part(String literal, Optional<Placeholder> placeholder) {}

    private static List<Part> parts(String pattern) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < pattern.length()) {
            int open = pattern.indexOf('{', at);
            int close = pattern.indexOf('}', at);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("'}' without a '{' before it");
            }
            if (open < 0) {
                parts.add(new Part(pattern.substring(at), Optional.empty()));
                break;
            }
            if (close < 0) {
                throw new IllegalArgumentException("'{' without a '}' after it");
            }
            parts.add(new Part(pattern.substring(at, open), Optional.empty()));
            String token = pattern.substring(open + 1, close);
            Placeholder placeholder = Placeholder.parse(token)
                    .orElseThrow(() -> new IllegalArgumentException("unknown placeholder '{" + token + "}'"
                            + Suggestions.closest(token, Placeholder.tokens())
                                    .map(t -> "; did you mean '{" + t + "}'?")
                                    .orElse("")
                            + " Known: {" + String.join("}, {", Placeholder.tokens()) + "}"));
            parts.add(new Part("", Optional.of(placeholder)));
            at = close + 1;
        }
        return parts;
    }
}

package io.hookline.cli;

import io.hookline.profiles.Explanation;
import io.hookline.profiles.Setting;
import io.hookline.profiles.Setting.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An explanation as YAML an editor can read: each effective value, indented under its map, with the file and
 * line it came from (or "default") in a comment aligned on the right.
 */
final class ExplanationText {

    // What YAML would not read back as the same plain text: an indicator first, ": " or " #" inside, or spaces
    // around. Such values are quoted.
    private static final Pattern NEEDS_QUOTES =
            Pattern.compile("^$|^[\\[\\]{}#&*!|>'\"%@`,]|^[-?:](\\s|$)|: | #|^\\s|\\s$");
    // Comments start at this column at most; a longer value pushes its own comment further right.
    private static final int MAX_COMMENT_COLUMN = 48;

    private ExplanationText() {}

    static String of(Explanation explanation) {
        List<String[]> lines = new ArrayList<>();
        for (Setting setting : explanation.settings()) {
            if (setting.origin() == Origin.UNSET) {
                continue;
            }
            String indent = "  ".repeat(setting.depth());
            String value = setting.isMap() ? "" : " " + (setting.list() ? setting.value() : quoted(setting.value()));
            String text = indent + setting.key() + ":" + value;
            String source = setting.isMap()
                    ? ""
                    : setting.origin() == Origin.DEFAULT ? "default" : setting.file() + ":" + setting.line();
            lines.add(new String[] {text, source});
        }
        int column = Math.min(
                MAX_COMMENT_COLUMN,
                lines.stream()
                        .filter(l -> !l[1].isEmpty())
                        .mapToInt(l -> l[0].length())
                        .max()
                        .orElse(0));
        StringBuilder out = new StringBuilder("# ").append(heading(explanation)).append('\n');
        for (String[] line : lines) {
            out.append(line[0]);
            if (!line[1].isEmpty()) {
                out.append(" ".repeat(Math.max(0, column - line[0].length()) + 2))
                        .append("# ")
                        .append(line[1]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String heading(Explanation explanation) {
        String kind = switch (explanation.kind()) {
            case TEMPLATE -> "graphics template";
            case PLATFORM -> "platform limits";
            case DESTINATION -> "publishing destination";
            case RENDITION -> explanation.abstractProfile() ? "abstract rendition (a base, not rendered)" : "rendition";
        };
        String bases = explanation.bases().isEmpty() ? "" : ", extends " + String.join(" <- ", explanation.bases());
        return explanation.name() + ": " + kind + " in " + explanation.file() + bases;
    }

    private static String quoted(String value) {
        return !NEEDS_QUOTES.matcher(value).find()
                ? value
                : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

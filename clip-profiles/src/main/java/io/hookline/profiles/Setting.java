package io.hookline.profiles;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One key of a rendition or template as the loader read it, after inheritance: what it is and where that came
 * from, so an editor can see which file set it.
 *
 * @param path the keys from the rendition or template down, joined by dots, e.g. {@code video.width}
 * @param value the value as written, or the default; {@code null} for a map (its keys follow) and for an
 *     optional key left out
 * @param origin whether the value was written, is the loader's default, or is not set
 * @param file the file the value (or the map's key) was written in; {@code null} unless written
 * @param line 1-based line in file; 0 unless written
 * @param list the value is a list, written in YAML's flow form ({@code [play, compilation]}) with its items
 *     quoted where YAML needs it
 */
public record Setting(String path, String value, Origin origin, String file, int line, boolean list) {

    public Setting(String path, String value, Origin origin, String file, int line) {
        this(path, value, origin, file, line, false);
    }

    private static final Pattern PLAIN_ITEM = Pattern.compile("[\\p{L}\\p{N}_./-]+");

    public enum Origin {
        WRITTEN,
        DEFAULT,
        UNSET
    }

    /** Texts as a YAML flow list, each quoted where YAML would not read it back as the same plain text. */
    static String flowList(List<String> items) {
        return items.stream()
                .map(item -> PLAIN_ITEM.matcher(item).matches()
                        ? item
                        : "\"" + item.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The key holds a map, whose keys are the settings after it with a longer path. */
    public boolean isMap() {
        return value == null && origin == Origin.WRITTEN;
    }

    /** How deep the key sits: 0 for a key of the rendition or template itself. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '.').count();
    }

    /** The last key of the path. */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    Setting under(String prefix) {
        return new Setting(path.substring(prefix.length()), value, origin, file, line, list);
    }
}

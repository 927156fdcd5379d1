package io.hookline.profiles;

import java.util.List;
import java.util.Optional;

/**
 * A parsed YAML value that remembers where it was written, so that every error can point at its line and
 * column. Numbers stay text until a field asks for one, so a quoted {@code "50"} and a plain {@code 50}
 * read the same.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.MapNode, YamlNode.ListNode {

    Location location();

    /** The node as a message shows it: {@code 'fast'}, {@code a map}. */
    String describe();

    /** A 1-based position in one file. */
    record Location(String file, int line, int column) {}

    enum Kind {
        TEXT,
        TRUE,
        FALSE,
        /** {@code ~}, {@code null} or nothing at all after the colon. */
        EMPTY
    }

    record Scalar(Location location, String text, Kind kind) implements YamlNode {
        @Override
        public String describe() {
            return kind == Kind.EMPTY ? "an empty value" : "'" + text + "'";
        }
    }

    record Entry(Scalar key, YamlNode value) {}

    /** A map in the order it was written; each key at most once. */
    record MapNode(Location location, List<Entry> entries) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }

        Optional<YamlNode> get(String key) {
            return entries.stream()
                    .filter(e -> e.key().text().equals(key))
                    .map(Entry::value)
                    .findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record ListNode(Location location, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}

package io.hookline.ingest.sync;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.hookline.vocabulary.Suggestions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A small YAML tree whose every node knows its file, line and column, read with Jackson's streaming parser.
 * Scalars stay the text that was written, so {@code matchId: 0021500001} keeps its leading zeros. The helpers
 * below read values from it with messages that name the place and the key.
 */
final class YamlNodes {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    sealed interface Node permits Scalar, Mapping, Sequence {
        String where();
    }

    /** @param text as written; null for an empty value ({@code ~}, {@code null} or nothing) */
    record Scalar(String where, String text) implements Node {}

    record Entry(Scalar key, Node value) {}

    record Mapping(String where, List<Entry> entries) implements Node {}

    record Sequence(String where, List<Node> items) implements Node {}

    private final String file;
    private final YAMLParser parser;

    private YamlNodes(String file, YAMLParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The file's one document. */
    static Node parse(String file, byte[] yaml) throws SyncException {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                throw new SyncException(file + ":1:1", "the file is empty");
            }
            YamlNodes reader = new YamlNodes(file, parser);
            Node root = reader.node();
            if (parser.nextToken() != null) {
                throw new SyncException(reader.here(), "only one YAML document is allowed");
            }
            return root;
        } catch (StreamReadException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new SyncException(file, "cannot read: " + e.getMessage());
        }
    }

    static Mapping mapping(Node node, String what) throws SyncException {
        if (node instanceof Mapping m) {
            return m;
        }
        throw new SyncException(node.where(), what + ": expected a map of keys and values");
    }

    static Scalar scalar(Node node, String key) throws SyncException {
        if (node instanceof Scalar s) {
            return s;
        }
        throw new SyncException(node.where(), key + ": expected a single value");
    }

    static Located<String> text(Node node, String key) throws SyncException {
        Scalar s = scalar(node, key);
        if (s.text() == null || s.text().isBlank()) {
            throw new SyncException(s.where(), key + " is empty");
        }
        return new Located<>(s.text().strip(), s.where());
    }

    static Node required(Mapping m, String key) throws SyncException {
        Node node = optional(m, key);
        if (node == null) {
            throw new SyncException(m.where(), "missing required key '" + key + "'");
        }
        return node;
    }

    static Node optional(Mapping m, String key) {
        return m.entries().stream()
                .filter(e -> e.key().text().equals(key))
                .map(Entry::value)
                .findFirst()
                .orElse(null);
    }

    static void checkKeys(Mapping m, Set<String> known) throws SyncException {
        for (Entry e : m.entries()) {
            String key = e.key().text();
            if (!known.contains(key)) {
                String hint = Suggestions.closest(key, known)
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse("; known keys: "
                                + String.join(", ", known.stream().sorted().toList()));
                throw new SyncException(e.key().where(), "unknown key '" + key + "'" + hint);
            }
        }
    }

    private Node node() throws IOException, SyncException {
        String at = here();
        if (parser.isCurrentAlias()) {
            throw new SyncException(at, "aliases (*name) are not supported in sync files");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(at);
            case START_ARRAY -> sequence(at);
            case VALUE_NULL -> new Scalar(at, null);
            default -> new Scalar(at, parser.getText());
        };
    }

    private Mapping mapping(String at) throws IOException, SyncException {
        List<Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Scalar key = new Scalar(here(), parser.currentName());
            for (Entry e : entries) {
                if (e.key().text().equals(key.text())) {
                    throw new SyncException(
                            key.where(),
                            "duplicate key '" + key.text() + "' (first at "
                                    + e.key().where() + ")");
                }
            }
            parser.nextToken();
            entries.add(new Entry(key, node()));
        }
        return new Mapping(at, entries);
    }

    private Sequence sequence(String at) throws IOException, SyncException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node());
        }
        return new Sequence(at, items);
    }

    private String here() {
        JsonLocation l = parser.currentTokenLocation();
        return file + ":" + l.getLineNr() + ":" + l.getColumnNr();
    }

    // SnakeYAML's problem mark is where the text stopped making sense; Jackson's location can be lines earlier.
    private static SyncException syntaxError(String file, StreamReadException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return new SyncException(
                    file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1),
                    "YAML syntax error: " + yaml.getProblem());
        }
        JsonLocation l = e.getLocation();
        return new SyncException(
                file + ":" + l.getLineNr() + ":" + l.getColumnNr(), "YAML syntax error: " + e.getOriginalMessage());
    }
}

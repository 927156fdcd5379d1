package io.hookline.profiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Kind;
import io.hookline.profiles.YamlNode.ListNode;
import io.hookline.profiles.YamlNode.Location;
import io.hookline.profiles.YamlNode.MapNode;
import io.hookline.profiles.YamlNode.Scalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Builds a {@link YamlNode} tree from Jackson's streaming YAML parser, keeping each token's position.
 * Duplicate keys and aliases are dealt with here because the streaming parser passes both through silently.
 */
final class YamlTree {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String file;
    private final YAMLParser parser;
    private final List<Problem> problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlTree(String file, YAMLParser parser, List<Problem> problems) {
        this.file = file;
        this.parser = parser;
        this.problems = problems;
    }

    /** The file's single document, or empty when it cannot be read at all (the reason is in problems). */
    static Optional<YamlNode> parse(String file, byte[] bytes, List<Problem> problems) {
        try (YAMLParser parser = YAML.createParser(bytes)) {
            if (parser.nextToken() == null) {
                problems.add(new Problem(file, 1, 1, "the file is empty"));
                return Optional.empty();
            }
            YamlTree tree = new YamlTree(file, parser, problems);
            YamlNode root = tree.node();
            if (parser.nextToken() != null) {
                problems.add(Problem.at(tree.here(), "only one YAML document is allowed per file"));
            }
            return Optional.of(root);
        } catch (StreamReadException e) {
            problems.add(syntaxError(file, e));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** Reads the value starting at the current token. */
    private YamlNode node() throws IOException {
        Location at = here();
        String anchor = parser.getObjectId();
        YamlNode node = switch (parser.currentToken()) {
            case START_OBJECT -> map(at);
            case START_ARRAY -> list(at);
            case VALUE_TRUE -> new Scalar(at, parser.getText(), Kind.TRUE);
            case VALUE_FALSE -> new Scalar(at, parser.getText(), Kind.FALSE);
            case VALUE_NULL -> new Scalar(at, "", Kind.EMPTY);
            default -> parser.isCurrentAlias() ? alias(at) : text(at, parser.getText());
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private MapNode map(Location at) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Scalar> keys = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Scalar key = text(here(), parser.currentName());
            parser.nextToken();
            YamlNode value = node();
            Scalar first = keys.putIfAbsent(key.text(), key);
            if (first == null) {
                entries.add(new Entry(key, value));
            } else {
                // Plain YAML loaders keep the last one without a word; an editor almost never means that.
                problems.add(Problem.at(
                        key.location(),
                        "duplicate key '" + key.text() + "'; first at line "
                                + first.location().line()));
            }
        }
        return new MapNode(at, entries);
    }

    private ListNode list(Location at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node());
        }
        return new ListNode(at, items);
    }

    // The streaming parser hands an alias over as its anchor's name; resolve it to the node the anchor marked.
    private YamlNode alias(Location at) throws IOException {
        YamlNode target = anchors.get(parser.getText());
        if (target != null) {
            return target;
        }
        problems.add(Problem.at(at, "unknown alias '*" + parser.getText() + "'"));
        return new Scalar(at, "", Kind.EMPTY);
    }

    private static Scalar text(Location at, String text) {
        return new Scalar(at, text == null ? "" : text, text == null || text.isEmpty() ? Kind.EMPTY : Kind.TEXT);
    }

    private Location here() {
        JsonLocation location = parser.currentTokenLocation();
        return new Location(file, location.getLineNr(), location.getColumnNr());
    }

    // SnakeYAML's problem mark is where the text stopped making sense; Jackson's own location is where the
    // last good token was, which can be lines earlier.
    private static Problem syntaxError(String file, StreamReadException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark problem = yaml.getProblemMark();
            Mark context = yaml.getContextMark();
            String within = yaml.getContext() == null || context == null
                    ? ""
                    : " (" + yaml.getContext() + " at " + (context.getLine() + 1) + ":" + (context.getColumn() + 1)
                            + ")";
            return new Problem(
                    file,
                    problem.getLine() + 1,
                    problem.getColumn() + 1,
                    "YAML syntax error: " + yaml.getProblem() + within);
        }
        JsonLocation location = e.getLocation();
        return new Problem(
                file, location.getLineNr(), location.getColumnNr(), "YAML syntax error: " + e.getOriginalMessage());
    }
}

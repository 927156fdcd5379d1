package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Kind;
import io.hookline.profiles.YamlNode.Location;
import io.hookline.profiles.YamlNode.MapNode;
import io.hookline.profiles.YamlNode.Scalar;
import io.hookline.vocabulary.Suggestions;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the keys of one YAML map, checking each value and reporting every problem at the offending key or
 * value. It remembers which keys were asked for, so that any other key is reported as unknown instead of
 * being silently ignored.
 *
 * <p>Reading goes on after a problem, so that one load reports everything. A value that failed its checks
 * comes back as 0, "" or NaN; NaN compares false, which keeps cross-checks such as min &lt; max quiet
 * about a value that is already reported.
 */
final class MapReader {

    private final MapNode map;
    private final List<Problem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    private MapReader(MapNode map, List<Problem> problems) {
        this.map = map;
        this.problems = problems;
    }

    /** Applies body to node if it is a map, then reports the keys body did not ask for. */
    static <T> Optional<T> read(YamlNode node, String label, List<Problem> problems, Function<MapReader, T> body) {
        if (!(node instanceof MapNode map)) {
            problems.add(Problem.at(node.location(), label + ": expected a map, got " + node.describe()));
            return Optional.empty();
        }
        MapReader reader = new MapReader(map, problems);
        T result = body.apply(reader);
        reader.reportUnknownKeys();
        return Optional.of(result);
    }

    Location location() {
        return map.location();
    }

    /** The entries of a map whose keys are names chosen by the editor rather than fixed fields. */
    List<Entry> entries() {
        map.entries().forEach(entry -> known.add(entry.key().text()));
        return map.entries();
    }

    /** A required nested map, read by body. */
    <T> Optional<T> map(String key, Function<MapReader, T> body) {
        return required(key).flatMap(node -> read(node, key, problems, body));
    }

    /** A required, non-empty text. */
    String text(String key) {
        Optional<YamlNode> node = required(key);
        String text = node.map(MapReader::textOf).orElse(null);
        if (node.isPresent() && text == null) {
            problem(key, node.get(), "expected text");
        }
        return text == null ? "" : text;
    }

    /** A required text that must be one of allowed, exactly as written there. */
    String oneOf(String key, List<String> allowed) {
        Optional<YamlNode> node = required(key);
        String text = node.map(MapReader::textOf).orElse(null);
        if (node.isPresent() && !allowed.contains(text)) {
            problem(key, node.get(), "must be one of " + String.join(", ", allowed));
            return "";
        }
        return text == null ? "" : text;
    }

    /** A required whole number that must be one of allowed. */
    int oneOfIntegers(String key, List<Integer> allowed) {
        String text = oneOf(key, allowed.stream().map(String::valueOf).toList());
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    /** A required whole number within range. */
    int integer(String key, Range range) {
        Optional<YamlNode> node = required(key);
        if (node.isEmpty()) {
            return 0;
        }
        BigDecimal number = numberOf(node.get());
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            problem(key, node.get(), "expected a whole number");
            return 0;
        }
        if (!range.contains(number.doubleValue())) {
            problem(key, node.get(), "must be " + range);
            return 0;
        }
        return number.intValue();
    }

    /** A required number within range; NaN when it is missing or wrong. */
    double decimal(String key, Range range) {
        return required(key).map(node -> decimal(key, node, range)).orElse(Double.NaN);
    }

    /** An optional number within range; absent when the key is not there. */
    double decimal(String key, Range range, double absent) {
        return optional(key).map(node -> decimal(key, node, range)).orElse(absent);
    }

    /** An optional true or false; absent when the key is not there. */
    boolean bool(String key, boolean absent) {
        Optional<YamlNode> node = optional(key);
        if (node.isEmpty()) {
            return absent;
        }
        if (node.get() instanceof Scalar scalar && (scalar.kind() == Kind.TRUE || scalar.kind() == Kind.FALSE)) {
            return scalar.kind() == Kind.TRUE;
        }
        problem(key, node.get(), "expected true or false");
        return absent;
    }

    /** Reports a value that passed its own checks but not one involving other keys. */
    void reject(String key, String message) {
        map.get(key).ifPresent(node -> problem(key, node, message));
    }

    private double decimal(String key, YamlNode node, Range range) {
        BigDecimal number = numberOf(node);
        if (number == null) {
            problem(key, node, "expected a number");
            return Double.NaN;
        }
        if (!range.contains(number.doubleValue())) {
            problem(key, node, "must be " + range);
            return Double.NaN;
        }
        return number.doubleValue();
    }

    private Optional<YamlNode> required(String key) {
        Optional<YamlNode> node = optional(key);
        if (node.isEmpty()) {
            problems.add(Problem.at(map.location(), "missing required key '" + key + "'"));
        }
        return node;
    }

    private Optional<YamlNode> optional(String key) {
        known.add(key);
        return map.get(key);
    }

    private void problem(String key, YamlNode node, String message) {
        problems.add(Problem.at(node.location(), key + ": " + message + ", got " + node.describe()));
    }

    private void reportUnknownKeys() {
        for (Entry entry : map.entries()) {
            String key = entry.key().text();
            if (!known.contains(key)) {
                String hint = Suggestions.closest(key, known)
                        .map(name -> "; did you mean '" + name + "'?")
                        .orElse("; known keys: " + String.join(", ", known));
                problems.add(Problem.at(entry.key().location(), "unknown key '" + key + "'" + hint));
            }
        }
    }

    private static String textOf(YamlNode node) {
        return node instanceof Scalar scalar && scalar.kind() != Kind.EMPTY ? scalar.text() : null;
    }

    // BigDecimal rather than Double.parseDouble, which would also take "NaN", "Infinity" and "50f".
    private static BigDecimal numberOf(YamlNode node) {
        if (!(node instanceof Scalar scalar) || scalar.kind() != Kind.TEXT) {
            return null;
        }
        try {
            return new BigDecimal(scalar.text());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

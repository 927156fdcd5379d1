package io.hookline.profiles;

import io.hookline.profiles.Setting.Origin;
import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Kind;
import io.hookline.profiles.YamlNode.ListNode;
import io.hookline.profiles.YamlNode.Location;
import io.hookline.profiles.YamlNode.MapNode;
import io.hookline.profiles.YamlNode.Scalar;
import io.hookline.vocabulary.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the keys of one YAML map, checking each value and reporting every problem at the offending key or
 * value. It remembers which keys were asked for, so that any other key is reported as unknown instead of
 * being silently ignored, and it traces every key asked for with its value and origin (see {@link Setting}).
 * Binders ask for every key they know whatever the document holds, so the trace also tells which keys the
 * loader accepts.
 *
 * <p>Reading goes on after a problem, so that one load reports everything. A value that failed its checks
 * comes back as 0, "" or NaN; NaN compares false, which keeps cross-checks such as min &lt; max quiet
 * about a value that is already reported.
 *
 * <p>A partial reader (an abstract base, a switched-off graphic) does not require keys: whatever is there is
 * still checked.
 *
 * <p>A confidential reader (credentials) never shows a value in a message: a secret written where its name
 * belongs must not end up in a terminal, a CI log or a chat.
 */
final class MapReader {

    /** Turns a value's text into T, or throws IllegalArgumentException saying what is wrong with it. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    private final MapNode map;
    private final String path;
    private final ReadContext context;
    private final boolean partial;
    private final boolean confidential;
    private final Set<String> known;

    private MapReader(
            MapNode map, String path, ReadContext context, boolean partial, boolean confidential, Set<String> known) {
        this.map = map;
        this.path = path;
        this.context = context;
        this.partial = partial;
        this.confidential = confidential;
        this.known = known;
    }

    /**
     * Applies body to node if it is a map, then reports the keys body did not ask for. Empty when node is not
     * a map or body returns null.
     *
     * @param path where node sits, keys joined by dots; "" for a document's top level
     */
    static <T> Optional<T> read(
            YamlNode node, String path, ReadContext context, boolean partial, Function<MapReader, T> body) {
        return read(node, path, context, partial, false, body);
    }

    private static <T> Optional<T> read(
            YamlNode node,
            String path,
            ReadContext context,
            boolean partial,
            boolean confidential,
            Function<MapReader, T> body) {
        if (!(node instanceof MapNode map)) {
            String label = path.isEmpty() ? "top level" : path.substring(path.lastIndexOf('.') + 1);
            context.problem(node, label + ": expected a map, got " + describe(node, confidential));
            return Optional.empty();
        }
        MapReader reader = new MapReader(map, path, context, partial, confidential, new LinkedHashSet<>());
        T result = body.apply(reader);
        reader.reportUnknownKeys();
        return Optional.ofNullable(result);
    }

    Location location() {
        return map.location();
    }

    /** This map, read without requiring keys; the keys either reader asks for count as known. */
    MapReader asPartial() {
        return new MapReader(map, path, context, true, confidential, known);
    }

    /** The entries of a map whose keys are names chosen by the editor rather than fixed fields. */
    List<Entry> entries() {
        map.entries().forEach(entry -> known.add(entry.key().text()));
        return map.entries();
    }

    /** The map under one of {@link #entries()}, read by body. */
    <T> Optional<T> entry(Entry entry, Function<MapReader, T> body) {
        String at = child(entry.key().text());
        context.record(new Setting(
                at,
                null,
                Origin.WRITTEN,
                entry.value().location().file(),
                entry.value().location().line()));
        return read(entry.value(), at, context, partial, confidential, body);
    }

    /** A required nested map, read by body. */
    <T> Optional<T> map(String key, Function<MapReader, T> body) {
        return nested(required(key), key, confidential, body);
    }

    /** An optional nested map, read by body; empty when absent. */
    <T> Optional<T> optionalMap(String key, Function<MapReader, T> body) {
        return nested(optional(key), key, confidential, body);
    }

    /** A required nested map whose values no message shows, read by body. */
    <T> Optional<T> confidentialMap(String key, Function<MapReader, T> body) {
        return nested(required(key), key, true, body);
    }

    /**
     * A list of texts, each made sense of by parser; an empty list when absent (a problem when required). A
     * wrong item is reported at the item and left out.
     */
    <T> List<T> list(String key, boolean required, Parser<T> parser) {
        Optional<YamlNode> node = required ? required(key) : optional(key);
        List<T> items = new ArrayList<>();
        if (node.isEmpty()) {
            context.record(
                    required
                            ? new Setting(child(key), null, Origin.UNSET, null, 0)
                            : new Setting(child(key), Setting.flowList(List.of()), Origin.DEFAULT, null, 0, true));
            return items;
        }
        if (!(node.get() instanceof ListNode list) || (required && list.items().isEmpty())) {
            problem(key, node.get(), "expected a list of at least one item, such as [a, b]");
            return items;
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : list.items()) {
            T parsed = parsed(key, item, parser);
            if (parsed != null) {
                items.add(parsed);
                texts.add(textOf(item));
            }
        }
        Location at = list.location();
        context.record(new Setting(child(key), Setting.flowList(texts), Origin.WRITTEN, at.file(), at.line(), true));
        return items;
    }

    /** A required, non-empty text. */
    String text(String key) {
        return text(key, required(key));
    }

    /** An optional, non-empty text; "" when absent. */
    String optionalText(String key) {
        return text(key, optional(key));
    }

    /** A required text that must be one of allowed, exactly as written there. */
    String oneOf(String key, List<String> allowed) {
        return oneOf(key, required(key), allowed, "");
    }

    /** An optional text that must be one of allowed; absent when the key is not there. */
    String oneOf(String key, List<String> allowed, String absent) {
        return oneOf(key, optional(key), allowed, absent);
    }

    /** A required whole number that must be one of allowed. */
    int oneOfIntegers(String key, List<Integer> allowed) {
        String text = oneOf(key, allowed.stream().map(String::valueOf).toList());
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    /** A required whole number within range. */
    int integer(String key, Range range) {
        Optional<YamlNode> node = required(key);
        trace(key, node, null);
        return node.map(n -> integer(key, n, range)).orElse(0);
    }

    /** An optional whole number within range; absent when the key is not there. */
    int integer(String key, Range range, int absent) {
        Optional<YamlNode> node = optional(key);
        trace(key, node, String.valueOf(absent));
        return node.map(n -> integer(key, n, range)).orElse(absent);
    }

    private int integer(String key, YamlNode node, Range range) {
        BigDecimal number = numberOf(node);
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            problem(key, node, "expected a whole number");
            return 0;
        }
        if (!range.contains(number.doubleValue())) {
            problem(key, node, "must be " + range);
            return 0;
        }
        return number.intValue();
    }

    /** A required number within range; NaN when it is missing or wrong. */
    double decimal(String key, Range range) {
        Optional<YamlNode> node = required(key);
        trace(key, node, null);
        return node.map(n -> decimal(key, n, range)).orElse(Double.NaN);
    }

    /** An optional number within range; absent when the key is not there. */
    double decimal(String key, Range range, double absent) {
        Optional<YamlNode> node = optional(key);
        trace(key, node, Range.format(absent));
        return node.map(n -> decimal(key, n, range)).orElse(absent);
    }

    /** A required true or false. */
    boolean bool(String key) {
        return bool(key, required(key), false, null);
    }

    /** An optional true or false; absent when the key is not there. */
    boolean bool(String key, boolean absent) {
        return bool(key, optional(key), absent, String.valueOf(absent));
    }

    /** A required value parser makes sense of; null when it is missing or wrong. */
    <T> T parsed(String key, Parser<T> parser) {
        Optional<YamlNode> node = required(key);
        trace(key, node, null);
        return node.map(n -> parsed(key, n, parser)).orElse(null);
    }

    /** An optional value parser makes sense of; absent (shown as its toString) when the key is not there. */
    <T> T parsed(String key, Parser<T> parser, T absent) {
        Optional<YamlNode> node = optional(key);
        trace(key, node, absent == null ? null : absent.toString());
        return node.map(n -> parsed(key, n, parser)).orElse(absent);
    }

    /** Reports a value that passed its own checks but not one involving other keys. */
    void reject(String key, String message) {
        map.get(key).ifPresent(node -> problem(key, node, message));
    }

    /** Reports message, which names the value itself, at key's value. */
    void report(String key, String message) {
        map.get(key).ifPresent(node -> context.problem(node, key + ": " + message));
    }

    /** Reports unasked-for keys that refused matches, and that hold a value, by message (not as unknown). */
    void refuse(Predicate<String> refused, Function<String, String> message) {
        for (Entry entry : map.entries()) {
            String key = entry.key().text();
            if (!known.contains(key) && refused.test(key) && textOf(entry.value()) != null) {
                known.add(key);
                context.problem(entry.key(), message.apply(key));
            }
        }
    }

    private <T> Optional<T> nested(Optional<YamlNode> node, String key, boolean hidden, Function<MapReader, T> body) {
        if (node.isEmpty()) {
            context.record(new Setting(child(key), null, Origin.UNSET, null, 0));
            return Optional.empty();
        }
        Location at = node.get().location();
        context.record(new Setting(child(key), null, Origin.WRITTEN, at.file(), at.line()));
        return read(node.get(), child(key), context, partial, hidden, body);
    }

    private String text(String key, Optional<YamlNode> node) {
        String text = node.map(MapReader::textOf).orElse(null);
        if (node.isPresent() && text == null) {
            problem(key, node.get(), "expected text");
        }
        trace(key, node, null);
        return text == null ? "" : text;
    }

    private String oneOf(String key, Optional<YamlNode> node, List<String> allowed, String absent) {
        trace(key, node, absent.isEmpty() ? null : absent);
        if (node.isEmpty()) {
            return absent;
        }
        String text = textOf(node.get());
        if (!allowed.contains(text)) {
            problem(key, node.get(), "must be one of " + String.join(", ", allowed));
            return "";
        }
        return text;
    }

    private boolean bool(String key, Optional<YamlNode> node, boolean absent, String shown) {
        trace(key, node, shown);
        if (node.isEmpty()) {
            return absent;
        }
        if (node.get() instanceof Scalar scalar && (scalar.kind() == Kind.TRUE || scalar.kind() == Kind.FALSE)) {
            return scalar.kind() == Kind.TRUE;
        }
        problem(key, node.get(), "expected true or false");
        return absent;
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

    private <T> T parsed(String key, YamlNode node, Parser<T> parser) {
        String text = textOf(node);
        try {
            if (text == null) {
                throw new IllegalArgumentException("expected text");
            }
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            problem(key, node, e.getMessage());
            return null;
        }
    }

    private Optional<YamlNode> required(String key) {
        Optional<YamlNode> node = optional(key);
        if (node.isEmpty() && !partial) {
            context.problem(map, "missing required key '" + key + "'");
        }
        return node;
    }

    private Optional<YamlNode> optional(String key) {
        known.add(key);
        return map.get(key);
    }

    /** Records the key's setting: its value as written, else the default shown, else unset. */
    private void trace(String key, Optional<YamlNode> node, String shown) {
        Setting setting = node.map(n -> new Setting(
                        child(key),
                        n instanceof Scalar s ? s.text() : n.describe(),
                        Origin.WRITTEN,
                        n.location().file(),
                        n.location().line()))
                .orElseGet(() -> shown == null
                        ? new Setting(child(key), null, Origin.UNSET, null, 0)
                        : new Setting(child(key), shown, Origin.DEFAULT, null, 0));
        context.record(setting);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void problem(String key, YamlNode node, String message) {
        context.problem(node, key + ": " + message + ", got " + describe(node, confidential));
    }

    private static String describe(YamlNode node, boolean confidential) {
        return confidential && node instanceof Scalar scalar && scalar.kind() != Kind.EMPTY
                ? "a value not shown here (it may be a secret)"
                : node.describe();
    }

    private void reportUnknownKeys() {
        for (Entry entry : map.entries()) {
            String key = entry.key().text();
            if (!known.contains(key)) {
                String hint = Suggestions.closest(key, known)
                        .map(name -> "; did you mean '" + name + "'?")
                        .orElse("; known keys: " + String.join(", ", known));
                context.problem(entry.key(), "unknown key '" + key + "'" + hint);
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

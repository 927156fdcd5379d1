package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Entry;
import io.hookline.vocabulary.EventType;
import io.hookline.vocabulary.Suggestions;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code rules/highlights.yaml} to {@link HighlightRules}. */
final class RulesBinder {

    private static final Range WEIGHT = Range.of(0, 1);
    private static final Range ROLL_SECONDS = Range.of(0, 120);
    private static final List<String> EVENT_TYPES = Arrays.stream(EventType.values()).map(Enum::name).toList();

    private final ReadContext context;

    RulesBinder(ReadContext context) {
        this.context = context;
    }

    Optional<HighlightRules> bind(YamlNode root) {
        return MapReader.read(root, "", context, false, rules -> new HighlightRules(
                rules.text("name"),
                Units.millis(rules.decimal("hookSeconds", Range.of(0.2, 10))),
                Units.millis(rules.decimal("playGapSeconds", Range.of(0, 60))),
                // At least as long as the longest hook, so a trimmed play still holds its hook.
                Units.millis(rules.decimal("maxPlaySeconds", Range.of(10, 600))),
                rules.map("events", this::events).orElse(Map.of())));
    }

    private Map<EventType, EventRule> events(MapReader events) {
        Map<EventType, EventRule> rules = new EnumMap<>(EventType.class);
        for (Entry entry : events.entries()) {
            String name = entry.key().text();
            Optional<EventType> type = EventType.parse(name);
            if (type.isEmpty()) {
                // An unknown type would silently never match a feed event; say so now, not after a match.
                String hint = Suggestions.closest(name, EVENT_TYPES).map(t -> "; did you mean '" + t + "'?").orElse(".");
                context.problem(entry.key().location(),
                        "unknown event type '" + name + "'" + hint + " Known types: " + EventType.names());
                continue;
            }
            events.entry(entry, this::rule).ifPresent(rule -> rules.put(type.get(), rule));
        }
        return rules;
    }

    private EventRule rule(MapReader rule) {
        boolean clip = rule.bool("clip", false);
        double weight = rule.decimal("weight", WEIGHT);
        // A type that makes clips must say how much to show around it; one that only adds excitement need not.
        double preRoll = clip ? rule.decimal("preRollSeconds", ROLL_SECONDS) : rule.decimal("preRollSeconds", ROLL_SECONDS, 0);
        double postRoll = clip ? rule.decimal("postRollSeconds", ROLL_SECONDS) : rule.decimal("postRollSeconds", ROLL_SECONDS, 0);
        return new EventRule(clip, weight, Units.millis(preRoll), Units.millis(postRoll));
    }
}

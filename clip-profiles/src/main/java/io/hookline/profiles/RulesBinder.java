package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Entry;
import io.hookline.vocabulary.EventType;
import io.hookline.vocabulary.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code rules/highlights.yaml} to {@link HighlightRules}. */
final class RulesBinder {

    private static final Range WEIGHT = Range.of(0, 1);
    private static final Range ROLL_SECONDS = Range.of(0, 120);
    private static final Range MULTIPLIER = Range.of(0.5, 5);
    private static final Range BONUS = Range.of(0, 2);
    private static final List<String> CLOCKS = List.of("countdown", "match");
    private static final Map<CompilationRules.Kind, String> COMPILATION_KEYS = Map.of(
            CompilationRules.Kind.TOP, "top",
            CompilationRules.Kind.PERIOD, "perPeriod",
            CompilationRules.Kind.PLAYER, "perPlayer",
            CompilationRules.Kind.TEAM, "perTeam",
            CompilationRules.Kind.SO_FAR, "soFar");
    private static final List<String> EVENT_TYPES =
            Arrays.stream(EventType.values()).map(Enum::name).toList();

    private final ReadContext context;

    RulesBinder(ReadContext context) {
        this.context = context;
    }

    Optional<HighlightRules> bind(YamlNode root) {
        return MapReader.read(
                root,
                "",
                context,
                false,
                rules -> new HighlightRules(
                        rules.text("name"),
                        Units.millis(rules.decimal("hookSeconds", Range.of(0.2, 10))),
                        Units.millis(rules.decimal("playGapSeconds", Range.of(0, 60))),
                        // At least as long as the longest hook, so a trimmed play still holds its hook.
                        Units.millis(rules.decimal("maxPlaySeconds", Range.of(10, 600))),
                        rules.map("events", this::events).orElse(Map.of()),
                        rules.optionalMap("context", this::context).orElse(ContextRules.NONE),
                        rules.optionalMap("media", this::media).orElse(MediaRules.NONE),
                        rules.optionalMap("replay", this::replay).orElse(ReplayRule.NONE),
                        rules.optionalMap("compilations", this::compilations).orElse(CompilationRules.NONE),
                        rules.optionalMap("camera", this::camera).orElse(CameraMotion.FIXED)));
    }

    private ContextRules context(MapReader c) {
        Map<String, SportRules> sports = c.map("sports", this::sports).orElse(Map.of());
        double[] clutch = multiplierWithin(c, "clutch");
        double[] buzzer = multiplierWithin(c, "buzzer");
        return new ContextRules(
                sports,
                c.decimal("leadChange", MULTIPLIER),
                c.decimal("equaliser", MULTIPLIER),
                clutch[0],
                Units.millis(clutch[1]),
                buzzer[0],
                Units.millis(buzzer[1]),
                c.decimal("overtime", MULTIPLIER),
                c.decimal("run", MULTIPLIER));
    }

    /** A {multiplier, lastSeconds} pair: [multiplier, seconds]. */
    private static double[] multiplierWithin(MapReader parent, String key) {
        return parent.map(key, m ->
                        new double[] {m.decimal("multiplier", MULTIPLIER), m.decimal("lastSeconds", Range.of(0, 3600))})
                .orElse(new double[] {1, 0});
    }

    private Map<String, SportRules> sports(MapReader sports) {
        Map<String, SportRules> bySport = new LinkedHashMap<>();
        for (Entry entry : sports.entries()) {
            sports.entry(
                            entry,
                            s -> new SportRules(
                                    s.oneOf("clock", CLOCKS).equals("countdown"),
                                    Units.millis(s.decimal("periodMinutes", Range.of(1, 120)) * 60),
                                    s.integer("regularPeriods", Range.of(1, 10)),
                                    Units.millis(s.decimal("overtimeMinutes", Range.of(0, 60)) * 60),
                                    s.integer("closeMargin", Range.of(0, 100)),
                                    s.integer("runPoints", Range.of(1, 100))))
                    .ifPresent(rules -> bySport.put(entry.key().text(), rules));
        }
        return bySport;
    }

    private MediaRules media(MapReader m) {
        double[] crowd = m.map("crowd", c -> new double[] {
                    c.decimal("perLu", BONUS), c.decimal("overLu", Range.of(0, 40)), c.decimal("max", BONUS)
                })
                .orElse(new double[3]);
        double[] replay = m.map("replay", r -> new double[] {
                    r.decimal("bonus", BONUS),
                    r.decimal("withinSeconds", Range.of(0, 60)),
                    r.integer("minCuts", Range.of(1, 20))
                })
                .orElse(new double[3]);
        double[] motion = m.map("motion", r -> new double[] {r.decimal("perRatio", BONUS), r.decimal("max", BONUS)})
                .orElse(new double[2]);
        return new MediaRules(
                crowd[0],
                crowd[1],
                crowd[2],
                replay[0],
                Units.millis(replay[1]),
                (int) replay[2],
                motion[0],
                motion[1]);
    }

    private ReplayRule replay(MapReader r) {
        return new ReplayRule(
                r.bool("enabled", true),
                Units.millis(r.decimal("seconds", Range.of(0.2, 10))),
                r.decimal("speed", Range.of(0.1, 1)));
    }

    private CompilationRules compilations(MapReader c) {
        List<CompilationRules.Compilation> kinds = new ArrayList<>();
        for (CompilationRules.Kind kind : CompilationRules.Kind.values()) {
            String key = COMPILATION_KEYS.get(kind);
            c.optionalMap(
                            key,
                            k -> k.bool("enabled", true)
                                    ? new CompilationRules.Compilation(
                                            kind,
                                            k.integer("plays", Range.of(1, 100)),
                                            Units.millis(k.decimal("maxSeconds", Range.of(5, 3600))),
                                            k.integer("minPlays", Range.of(1, 100), 1),
                                            kind == CompilationRules.Kind.SO_FAR
                                                    ? Units.millis(60 * k.decimal("everyMinutes", Range.of(1, 240)))
                                                    : 0)
                                    : null)
                    .ifPresent(kinds::add);
        }
        int teaser = c.map("teaser", t -> t.integer("cuts", Range.of(0, 20))).orElse(0);
        return new CompilationRules(kinds, teaser);
    }

    private CameraMotion camera(MapReader c) {
        return new CameraMotion(
                c.decimal("deadZone", Range.of(0, 0.5)),
                c.decimal("maxSpeed", Range.of(0.01, 10)),
                c.decimal("maxAcceleration", Range.of(0.01, 50)),
                Units.millis(c.decimal("smoothingSeconds", Range.of(0, 10))));
    }

    private Map<EventType, EventRule> events(MapReader events) {
        Map<EventType, EventRule> rules = new EnumMap<>(EventType.class);
        for (Entry entry : events.entries()) {
            String name = entry.key().text();
            Optional<EventType> type = EventType.parse(name);
            if (type.isEmpty()) {
                // An unknown type would silently never match a feed event; say so now, not after a match.
                String hint = Suggestions.closest(name, EVENT_TYPES)
                        .map(t -> "; did you mean '" + t + "'?")
                        .orElse(".");
                context.problem(
                        entry.key().location(),
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
        double preRoll =
                clip ? rule.decimal("preRollSeconds", ROLL_SECONDS) : rule.decimal("preRollSeconds", ROLL_SECONDS, 0);
        double postRoll =
                clip ? rule.decimal("postRollSeconds", ROLL_SECONDS) : rule.decimal("postRollSeconds", ROLL_SECONDS, 0);
        return new EventRule(clip, weight, Units.millis(preRoll), Units.millis(postRoll));
    }
}

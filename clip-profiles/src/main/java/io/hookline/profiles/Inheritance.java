package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Kind;
import io.hookline.profiles.YamlNode.ListNode;
import io.hookline.profiles.YamlNode.MapNode;
import io.hookline.profiles.YamlNode.Scalar;
import io.hookline.vocabulary.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code extends: <name>} among the renditions (or the templates) of all files: a declaration is its
 * base's effective map with its own keys laid over it, maps merged key by key, the declaration's own keys
 * winning. The merged tree reuses the written nodes, so every value still knows the file, line and column
 * it was written at; which nodes came from a base is kept, for messages.
 */
final class Inheritance {

    static final String EXTENDS = "extends";
    static final String ABSTRACT = "abstract";

    /** A rendition or template as written: the key naming it and its value. */
    record Declared(Scalar key, YamlNode node) {}

    /**
     * A declaration with its bases applied.
     *
     * @param effective the merged map, or the node as written when there is nothing to merge
     * @param inherited the nodes of effective that came from a base, compared by identity
     * @param bases the names it inherits from, nearest first
     * @param complete false when a base is unknown or part of a cycle: effective then holds only its own keys
     */
    record Resolved(YamlNode effective, Set<YamlNode> inherited, List<String> bases, boolean complete) {}

    private final String kind;
    private final Map<String, Declared> declared;
    private final Problems problems;
    private final Map<String, Resolved> resolved = new HashMap<>();

    /**
     * @param kind what is declared, for messages: "rendition", "template"
     * @param declared every declaration by name, in file order
     */
    Inheritance(String kind, Map<String, Declared> declared, Problems problems) {
        this.kind = kind;
        this.declared = declared;
        this.problems = problems;
    }

    /** Every declaration resolved, in the order declared. */
    Map<String, Resolved> resolveAll() {
        Map<String, Resolved> all = new LinkedHashMap<>();
        declared.keySet().forEach(name -> all.put(name, resolve(name, new ArrayList<>())));
        return all;
    }

    private Resolved resolve(String name, List<String> visiting) {
        Resolved known = resolved.get(name);
        if (known != null) {
            return known;
        }
        Resolved result = resolveOnce(name, visiting);
        // Resolving a cycle stores its members before the recursion unwinds back to them.
        return resolved.computeIfAbsent(name, n -> result);
    }

    private Resolved resolveOnce(String name, List<String> visiting) {
        YamlNode node = declared.get(name).node();
        Optional<Scalar> baseName = baseName(node);
        if (baseName.isEmpty()) {
            return new Resolved(node, identitySet(), List.of(), true);
        }
        MapNode own = (MapNode) node;
        String base = baseName.get().text();
        if (!declared.containsKey(base)) {
            String hint = Suggestions.closest(base, declared.keySet())
                    .map(n -> "; did you mean '" + n + "'?")
                    .orElse("; known: " + String.join(", ", declared.keySet()));
            problems.add(
                    Problem.at(baseName.get().location(), EXTENDS + ": unknown " + kind + " '" + base + "'" + hint));
            return incomplete(own);
        }
        if (visiting.contains(base) || base.equals(name)) {
            reportCycle(
                    visiting.subList(
                            visiting.indexOf(base) < 0 ? visiting.size() : visiting.indexOf(base), visiting.size()),
                    name);
            return incomplete(own);
        }
        visiting.add(name);
        Resolved parent = resolve(base, visiting);
        visiting.remove(visiting.size() - 1);
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        if (!parent.complete() || !(parent.effective() instanceof MapNode parentMap)) {
            return incomplete(own);
        }
        Set<YamlNode> inherited = identitySet();
        inherited.addAll(parent.inherited());
        List<String> bases = new ArrayList<>();
        bases.add(base);
        bases.addAll(parent.bases());
        return new Resolved(merge(parentMap, own, inherited, true), inherited, bases, true);
    }

    /** Reports the cycle at every member's extends, each message starting from that member. */
    private void reportCycle(List<String> before, String last) {
        List<String> cycle = new ArrayList<>(before);
        cycle.add(last);
        for (int i = 0; i < cycle.size(); i++) {
            List<String> path = new ArrayList<>();
            for (int j = 0; j <= cycle.size(); j++) {
                path.add(cycle.get((i + j) % cycle.size()));
            }
            String member = cycle.get(i);
            MapNode node = (MapNode) declared.get(member).node();
            problems.add(Problem.at(
                    baseName(node).orElseThrow().location(),
                    EXTENDS + ": '" + member + "' inherits from itself: " + String.join(" -> ", path)));
            resolved.put(member, incomplete(node));
        }
    }

    private static Resolved incomplete(YamlNode own) {
        return new Resolved(own, identitySet(), List.of(), false);
    }

    /** The text of node's extends; empty when there is none or it is not text (the binder reports that). */
    private static Optional<Scalar> baseName(YamlNode node) {
        return node instanceof MapNode map
                ? map.get(EXTENDS)
                        .filter(v -> v instanceof Scalar s && s.kind() == Kind.TEXT)
                        .map(Scalar.class::cast)
                : Optional.empty();
    }

    /**
     * own laid over base: base's keys in base's order, then own's new keys. Where both hold a map the maps are
     * merged; otherwise own's value wins. A declaration's extends and abstract are its own, never inherited.
     */
    private static MapNode merge(MapNode base, MapNode own, Set<YamlNode> inherited, boolean top) {
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Entry entry : base.entries()) {
            String key = entry.key().text();
            if (top && (key.equals(EXTENDS) || key.equals(ABSTRACT))) {
                continue;
            }
            keys.add(key);
            Optional<Entry> mine = own.entries().stream()
                    .filter(e -> e.key().text().equals(key))
                    .findFirst();
            if (mine.isEmpty()) {
                entries.add(entry);
                mark(entry.key(), inherited);
                mark(entry.value(), inherited);
            } else if (entry.value() instanceof MapNode baseMap && mine.get().value() instanceof MapNode ownMap) {
                entries.add(new Entry(mine.get().key(), merge(baseMap, ownMap, inherited, false)));
            } else {
                entries.add(mine.get());
            }
        }
        for (Entry entry : own.entries()) {
            if (!keys.contains(entry.key().text())) {
                entries.add(entry);
            }
        }
        return new MapNode(own.location(), entries);
    }

    private static void mark(YamlNode node, Set<YamlNode> inherited) {
        inherited.add(node);
        if (node instanceof MapNode map) {
            map.entries().forEach(entry -> {
                mark(entry.key(), inherited);
                mark(entry.value(), inherited);
            });
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> mark(item, inherited));
        }
    }

    private static Set<YamlNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}

package io.hookline.profiles;

import io.hookline.profiles.Inheritance.Declared;
import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Location;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the named renditions (or templates) of one file: the entries of its single top-level key. Names are
 * plain, because a rendition's name becomes a file name, and unique across all files, because {@code extends}
 * and renditions refer to them by name alone.
 */
final class Declarations {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Declarations() {}

    /**
     * @param topKey {@code renditions} or {@code templates}
     * @param kind what is declared, for messages
     * @param into the declarations of earlier files, to which this file's are added
     */
    static void collect(YamlNode root, String topKey, String kind, ReadContext context, Map<String, Declared> into) {
        MapReader.read(
                root, "", context, false, top -> top.map(topKey, entries -> add(entries, topKey, kind, context, into)));
    }

    /** The same for entries, the map under topKey, which the caller has read from its file. */
    static Map<String, Declared> add(
            MapReader entries, String topKey, String kind, ReadContext context, Map<String, Declared> into) {
        if (entries.entries().isEmpty()) {
            context.problem(entries.location(), topKey + ": expected at least one " + kind);
        }
        for (Entry entry : entries.entries()) {
            add(entry, kind, context, into);
        }
        return into;
    }

    private static void add(Entry entry, String kind, ReadContext context, Map<String, Declared> into) {
        String name = entry.key().text();
        Location here = entry.key().location();
        if (!NAME.matcher(name).matches()) {
            context.problem(
                    here, kind + " name '" + name + "' must be lower-case letters and digits in groups joined by '-'");
        }
        Declared first = into.putIfAbsent(name, new Declared(entry.key(), entry.value()));
        if (first != null) {
            Location there = first.key().location();
            context.problem(
                    here,
                    "duplicate " + kind + " '" + name + "'; already defined at " + there.file() + ":" + there.line()
                            + ":" + there.column());
        }
    }
}

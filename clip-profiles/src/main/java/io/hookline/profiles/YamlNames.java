package io.hookline.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How editors write enum constants: lower case, words joined by '-' ({@code FOLLOW_ACTION} is {@code follow-action}). */
final class YamlNames {

    private YamlNames() {}

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> all(Enum<?>[] constants) {
        return Arrays.stream(constants).map(YamlNames::of).toList();
    }

    /** The constant written as name, or null when name is empty (a value already reported as wrong). */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        return name.isEmpty()
                ? null
                : Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

package io.hookline.profiles;

import java.util.List;

/**
 * The effective settings of one rendition, graphics template, platform or destination after inheritance, for
 * {@code profiles explain}.
 *
 * @param bases what it inherits from, nearest first; empty when it extends nothing
 * @param settings every key the loader reads, in the order it reads them, with where each value came from
 */
public record Explanation(
        String name, Kind kind, boolean abstractProfile, String file, List<String> bases, List<Setting> settings) {

    public enum Kind {
        RENDITION,
        TEMPLATE,
        /** What a platform accepts, from destinations/*.yaml. */
        PLATFORM,
        /** A publishing destination, from destinations/*.yaml. */
        DESTINATION
    }

    public Explanation {
        bases = List.copyOf(bases);
        settings = List.copyOf(settings);
    }
}

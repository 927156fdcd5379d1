package io.hookline.profiles;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the editors' YAML says, loaded and validated: the highlight rules and the rendition profiles.
 *
 * @param version a short hash of the loaded files' bytes; it goes into every clip id, so a profile change
 *     makes new clips instead of overwriting old ones
 * @param rules the highlight rules
 * @param renditions the rendition profiles, in file name order and then in the order each file lists them
 */
public record ProfileSet(String version, HighlightRules rules, List<RenditionProfile> renditions)
        implements Serializable {

    public ProfileSet {
        renditions = List.copyOf(renditions);
    }

    /** The rendition profile with this name. */
    public RenditionProfile rendition(String name) {
        return renditions.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no rendition profile named '" + name + "'; known: " + names()));
    }

    /** The rendition names, in order. */
    public List<String> renditionNames() {
        return renditions.stream().map(RenditionProfile::name).toList();
    }

    private String names() {
        return renditions.stream().map(RenditionProfile::name).collect(Collectors.joining(", "));
    }
}

package io.hookline.profiles;

import io.hookline.vocabulary.Suggestions;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * Everything the editors' YAML says, loaded and validated: the highlight rules, the rendition profiles and the
 * graphics templates they draw.
 *
 * @param version a short hash of the loaded files' bytes (YAML and images); it goes into every clip id, so a
 *     profile change makes new clips instead of overwriting old ones
 * @param rules the highlight rules
 * @param renditions the concrete rendition profiles, in file name order and then in the order each file lists
 *     them; abstract bases are not among them
 * @param graphics the graphics templates, in the same order
 */
public record ProfileSet(
        String version, HighlightRules rules, List<RenditionProfile> renditions, List<GraphicsTemplate> graphics)
        implements Serializable {

    public ProfileSet {
        renditions = List.copyOf(renditions);
        graphics = List.copyOf(graphics);
    }

    /** The rendition profile with this name. */
    public RenditionProfile rendition(String name) {
        return find(renditions, RenditionProfile::name, name, "rendition profile");
    }

    /**
     * The same set rendering only the named renditions (in this set's order). The version stays, so clip ids
     * do not change with the selection.
     *
     * @throws IllegalArgumentException naming an unknown rendition, with the closest known name
     */
    public ProfileSet only(List<String> names) {
        names.forEach(this::rendition);
        return new ProfileSet(
                version,
                rules,
                renditions.stream().filter(r -> names.contains(r.name())).toList(),
                graphics);
    }

    /** The rendition names, in order. */
    public List<String> renditionNames() {
        return renditions.stream().map(RenditionProfile::name).toList();
    }

    /** The graphics template with this name. */
    public GraphicsTemplate template(String name) {
        return find(graphics, GraphicsTemplate::name, name, "graphics template");
    }

    /** The graphics template names, in order. */
    public List<String> templateNames() {
        return graphics.stream().map(GraphicsTemplate::name).toList();
    }

    private static <T> T find(List<T> items, Function<T, String> nameOf, String name, String kind) {
        List<String> names = items.stream().map(nameOf).toList();
        return items.stream()
                .filter(item -> nameOf.apply(item).equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " named '" + name + "'"
                        + Suggestions.didYouMean(name, names) + "; known: " + String.join(", ", names)));
    }
}

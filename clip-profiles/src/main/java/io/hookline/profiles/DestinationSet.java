package io.hookline.profiles;

import io.hookline.vocabulary.Suggestions;
import java.io.Serializable;
import java.util.List;

/**
 * The publishing destinations of {@code destinations/*.yaml}, validated against the profile set they post
 * renditions of. Destinations are not part of the profile set's version: adding or changing one changes no
 * clip id.
 *
 * @param profiles the profile set whose renditions the destinations post
 * @param platforms what each platform described in the files accepts, in file order
 * @param destinations in file name order and then in the order each file lists them
 */
public record DestinationSet(ProfileSet profiles, List<PlatformLimits> platforms, List<Destination> destinations)
        implements Serializable {

    public DestinationSet {
        platforms = List.copyOf(platforms);
        destinations = List.copyOf(destinations);
    }

    /** The destination with this name. */
    public Destination destination(String name) {
        return destinations.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no destination named '" + name + "'"
                        + Suggestions.didYouMean(name, names()) + "; known: " + String.join(", ", names())));
    }

    /** The destination names, in order. */
    public List<String> names() {
        return destinations.stream().map(Destination::name).toList();
    }

    /** What platform accepts; no limits when no file describes it. */
    public PlatformLimits limits(Platform platform) {
        return platforms.stream()
                .filter(p -> p.platform() == platform)
                .findFirst()
                .orElseGet(() -> PlatformLimits.none(platform));
    }

    /** The rendition destination posts. */
    public RenditionProfile rendition(Destination destination) {
        return profiles.rendition(destination.rendition());
    }
}

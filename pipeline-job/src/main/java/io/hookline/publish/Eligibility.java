package io.hookline.publish;

import io.hookline.profiles.Destination;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which clips of a match a destination takes: the kinds it names, at least its minimum score, a rendition it
 * posts that rendered, and of those its best {@code topPerMatch} by rank. Withdrawn clips never go out.
 */
final class Eligibility {
    private Eligibility() {}

    static List<ManifestClip> clips(MatchClips match, Destination destination) {
        Destination.Takes takes = destination.takes();
        List<ManifestClip> eligible = match.clips().stream()
                .filter(clip -> !clip.withdrawn() && clip.rank() >= 1)
                .filter(clip -> takes.kinds().stream()
                        .anyMatch(kind -> kind.name().equals(clip.kind().toUpperCase(Locale.ROOT))))
                .filter(clip -> clip.score() >= takes.minScore())
                .filter(clip -> clip.rendition(destination.rendition())
                        .map(ManifestRendition::ok)
                        .orElse(false))
                .sorted(Comparator.comparingInt(ManifestClip::rank).thenComparing(ManifestClip::clipId))
                .toList();
        return takes.topPerMatch() > 0 && eligible.size() > takes.topPerMatch()
                ? eligible.subList(0, takes.topPerMatch())
                : eligible;
    }
}

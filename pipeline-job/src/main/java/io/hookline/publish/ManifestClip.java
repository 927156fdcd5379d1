package io.hookline.publish;

import java.util.List;
import java.util.Optional;

/** A clip of manifest.json, with what publishing uses of it. */
public record ManifestClip(
        String clipId,
        String kind,
        int rank,
        double score,
        String title,
        boolean withdrawn,
        List<ManifestRendition> renditions) {

    public ManifestClip {
        renditions = List.copyOf(renditions);
    }

    public Optional<ManifestRendition> rendition(String profile) {
        return renditions.stream().filter(r -> r.profile().equals(profile)).findFirst();
    }
}

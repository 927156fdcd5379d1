package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.profiles.Placeholder;
import java.util.Map;
import java.util.stream.Collectors;

/** A post's title and caption: the destination's templates filled from the clip, then its link and hashtags. */
final class PostText {
    private PostText() {}

    static String title(Destination destination, ManifestClip clip) {
        return tidy(destination.title().fill(ClipFacts.of(clip)));
    }

    static String caption(Destination destination, ManifestClip clip) {
        Map<Placeholder, String> facts = ClipFacts.of(clip);
        StringBuilder text = new StringBuilder(tidy(destination.caption().fill(facts)));
        if (!destination.link().isBlank()) {
            text.append(text.length() > 0 ? "\n" : "").append(destination.link());
        }
        if (!destination.hashtags().isEmpty()) {
            text.append(text.length() > 0 ? "\n" : "")
                    .append(destination.hashtags().stream()
                            .map(tag -> tag.startsWith("#") ? tag : "#" + tag)
                            .collect(Collectors.joining(" ")));
        }
        return text.toString();
    }

    /** An empty placeholder leaves a dangling " — " or "()" behind; a post should not show it. */
    private static String tidy(String text) {
        String tidied = text.replace("()", "").replaceAll("\\s+", " ").strip();
        while (tidied.endsWith("—") || tidied.endsWith("|") || tidied.endsWith(",")) {
            tidied = tidied.substring(0, tidied.length() - 1).strip();
        }
        return tidied;
    }
}

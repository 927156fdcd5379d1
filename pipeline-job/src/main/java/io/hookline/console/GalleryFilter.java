package io.hookline.console;

import io.hookline.console.MatchView.Clip;
import io.hookline.console.MatchView.Rendition;
import java.util.List;

/**
 * The gallery's filters, from the page's query: a kind, a player, a team, a destination (its rendition and the
 * clip kinds it takes). A blank field does not filter.
 */
record GalleryFilter(String kind, String player, String team, String destination) {

    /** What a destination takes, as far as the gallery needs it. */
    record Target(String rendition, List<String> kinds) {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    boolean any() {
        return kind != null || player != null || team != null || destination != null;
    }

    boolean keeps(Clip clip, Target target) {
        return (kind == null || kind.equals(clip.kind()))
                && (player == null || clip.players().contains(player))
                && (team == null || clip.teams().contains(team))
                && (target == null
                        || (target.kinds().contains(clip.kind())
                                && clip.renditions().stream()
                                        .anyMatch(r -> r.profile().equals(target.rendition()))));
    }

    /** The renditions of a kept clip that are shown: only the destination's, when one is chosen. */
    List<Rendition> shown(Clip clip, Target target) {
        return target == null
                ? clip.renditions()
                : clip.renditions().stream()
                        .filter(r -> r.profile().equals(target.rendition()))
                        .toList();
    }
}

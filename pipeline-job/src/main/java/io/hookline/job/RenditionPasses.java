package io.hookline.job;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.profiles.VideoSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a live play's clip's renditions are split into render passes: its cheapest rendition alone first, so
 * one version of every play is out within seconds, then the others together. Compilations, which mostly
 * join segments already encoded, and every clip of a batch job are rendered in one pass, which decodes the
 * source once.
 */
final class RenditionPasses implements Serializable {
    private final boolean split;

    private RenditionPasses(boolean split) {
        this.split = split;
    }

    /** One pass of every rendition. */
    static RenditionPasses together() {
        return new RenditionPasses(false);
    }

    /** The cheapest rendition first: the fewest pixels a second to encode, then the name. */
    static RenditionPasses cheapestFirst() {
        return new RenditionPasses(true);
    }

    /** Whether any clip is rendered in more than one pass. */
    boolean split() {
        return split;
    }

    /** The plan's renditions, pass by pass, each list in the plan's order; {@code profiles} is the plan's set. */
    List<List<String>> of(ClipPlan plan, ProfileSet profiles) {
        List<String> all = plan.getRenditions();
        if (!split || plan.getKind() != ClipKind.play || all.size() < 2) {
            return List.of(all);
        }
        String first = all.stream()
                .min(Comparator.comparingDouble((String name) -> pixelsPerSecond(profiles.rendition(name)))
                        .thenComparing(name -> name))
                .orElseThrow();
        List<String> rest = new ArrayList<>(all);
        rest.remove(first);
        return List.of(List.of(first), rest);
    }

    private static double pixelsPerSecond(RenditionProfile p) {
        VideoSpec v = p.video();
        return (double) v.width() * v.height() * v.fps();
    }
}

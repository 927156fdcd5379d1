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
    private final List<String> cheapestFirst;

    private RenditionPasses(List<String> cheapestFirst) {
        this.cheapestFirst = cheapestFirst;
    }

    /** One pass of every rendition. */
    static RenditionPasses together() {
        return new RenditionPasses(null);
    }

    /** The cheapest rendition first: the fewest pixels a second to encode, then the name. */
    static RenditionPasses cheapestFirst(ProfileSet profiles) {
        return new RenditionPasses(profiles.renditions().stream()
                .sorted(Comparator.comparingDouble(RenditionPasses::pixelsPerSecond).thenComparing(RenditionProfile::name))
                .map(RenditionProfile::name).toList());
    }

    /** Whether any clip is rendered in more than one pass. */
    boolean split() {
        return cheapestFirst != null;
    }

    /** The plan's renditions, pass by pass, each list in the plan's order. */
    List<List<String>> of(ClipPlan plan) {
        List<String> all = plan.getRenditions();
        if (cheapestFirst == null || plan.getKind() != ClipKind.play || all.size() < 2) {
            return List.of(all);
        }
        String first = all.stream().min(Comparator.comparingInt(this::position)).orElseThrow();
        List<String> rest = new ArrayList<>(all);
        rest.remove(first);
        return List.of(List.of(first), rest);
    }

    private int position(String rendition) {
        int i = cheapestFirst.indexOf(rendition);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static double pixelsPerSecond(RenditionProfile p) {
        VideoSpec v = p.video();
        return (double) v.width() * v.height() * v.fps();
    }
}

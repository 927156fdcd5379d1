package io.hookline.bench;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.render.RenditionRecipe;
import java.util.List;

/** A planned clip and how each of its renditions is made. */
record BenchClip(ClipPlan plan, List<RenditionRecipe> recipes) {

    /** Seconds of video its renditions hold together. */
    double outputSeconds() {
        return recipes.stream()
                .mapToDouble(r -> r.outputTimeUs(r.frames()) / 1e6)
                .sum();
    }

    boolean compilation() {
        return plan.getKind() == ClipKind.compilation;
    }

    static double outputSeconds(List<BenchClip> clips) {
        return clips.stream().mapToDouble(BenchClip::outputSeconds).sum();
    }
}

package io.hookline.render;

import io.hookline.model.ClipPlan;

/** Opens the video a clip is cut from. */
@FunctionalInterface
public interface ClipSources {
    /** @throws io.hookline.render.media.MediaException naming the video and what is wrong with it */
    ClipSource open(ClipPlan plan);
}

package io.hookline.render;

import io.hookline.model.ClipPlan;

/** Opens the video a clip is cut from. Closing it lets go of what it holds for every clip (a live video's files). */
@FunctionalInterface
public interface ClipSources extends AutoCloseable {
    /** @throws io.hookline.render.media.MediaException naming the video and what is wrong with it */
    ClipSource open(ClipPlan plan);

    @Override
    default void close() {}
}

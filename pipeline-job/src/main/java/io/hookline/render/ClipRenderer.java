package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;

/**
 * Turns a clip plan into stored renditions. A failure of the source or of one rendition is reported in the
 * result (status {@code failed} with the reason), never thrown, so one bad clip cannot stop a match.
 */
public interface ClipRenderer extends AutoCloseable {
    RenderedClip render(ClipPlan plan);

    /** Lets go of what the renderer holds for all its clips; it renders no more. */
    @Override
    default void close() {}
}

package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;

/**
 * Turns a clip plan into stored renditions. A failure of the source or of one rendition is reported in the
 * result (status {@code failed} with the reason), never thrown, so one bad clip cannot stop a match.
 */
public interface ClipRenderer {
    RenderedClip render(ClipPlan plan);
}

package io.hookline.job;

import io.hookline.render.ClipRenderer;
import java.io.Serializable;

/** Creates a renderer inside a task: renderers hold native resources and are never serialised. */
@FunctionalInterface
public interface RendererFactory extends Serializable {
    /** A renderer of clips cut from {@code video}. */
    ClipRenderer create(VideoSource video);
}

package io.hookline.job;

import io.hookline.profiles.ProfileSet;
import io.hookline.render.ClipRenderer;
import java.io.Serializable;

/** Creates a renderer inside a task: renderers hold native resources and are never serialised. */
@FunctionalInterface
public interface RendererFactory extends Serializable {
    /** A renderer of clips cut from {@code video} with the renditions of {@code profiles}. */
    ClipRenderer create(VideoSource video, ProfileSet profiles);
}

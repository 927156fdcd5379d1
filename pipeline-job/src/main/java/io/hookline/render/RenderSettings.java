package io.hookline.render;

import java.io.Serializable;

/**
 * How hard one render works the machine.
 *
 * @param decoderThreads threads of the source decoder
 * @param encoderThreads threads of each H.264 encoder
 * @param draft render at reduced size and the fastest preset, for previews and tests
 */
public record RenderSettings(int decoderThreads, int encoderThreads, boolean draft) implements Serializable {

    public static RenderSettings defaults() {
        return new RenderSettings(2, 2, false);
    }
}

package io.hookline.render;

import java.io.Serializable;

/**
 * How hard one render works the machine.
 *
 * @param decoderThreads threads of the source decoder
 * @param encoderThreads threads of each H.264 encoder
 * @param lanes threads a clip's renditions are spread over, each filtering and encoding its own
 * @param draft render at reduced size and the fastest preset, for previews and tests
 */
public record RenderSettings(int decoderThreads, int encoderThreads, int lanes, boolean draft) implements Serializable {

    public static RenderSettings defaults() {
        return new RenderSettings(1, 1, 2, false);
    }
}

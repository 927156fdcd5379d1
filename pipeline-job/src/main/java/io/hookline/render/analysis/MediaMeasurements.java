package io.hookline.render.analysis;

/**
 * What a window of the video showed, as series of {@code hz} values per second from {@code startUs}.
 *
 * @param motion share of the picture moving (0..1)
 * @param x centre of the motion across the frame (0..1), NaN when nothing moves
 * @param y centre of the motion down the frame (0..1), NaN when nothing moves
 * @param cutsUs source times of shot cuts
 * @param loudness momentary loudness in LUFS, NaN without audio
 */
public record MediaMeasurements(
        long startUs,
        int hz,
        float[] motion,
        float[] x,
        float[] y,
        long[] cutsUs,
        float[] loudness,
        boolean hasAudio) {}

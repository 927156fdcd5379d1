package io.hookline.profiles;

import java.io.Serializable;

/**
 * The video side of a rendition.
 *
 * @param fps the exact output frame rate; the source is converted to it
 * @param fit how a source of another aspect ratio fills the frame
 * @param reframe which part of the source a crop keeps; {@link Reframe#CENTER} for a pad, which keeps everything
 * @param codec the codec; {@code h264} for now
 * @param profile the H.264 profile: baseline, main or high
 * @param level the H.264 level, e.g. "4.2"
 * @param gopSeconds keyframe interval; GOPs are closed so clips can be cut and joined at keyframes
 * @param preset the x264 speed/quality preset
 * @param crf constant rate factor used when no size cap forces a bitrate
 * @param maxBitrateKbps the peak video bitrate (VBV) the platform tolerates
 */
public record VideoSpec(
        int width,
        int height,
        double fps,
        Fit fit,
        Reframe reframe,
        String codec,
        String profile,
        String level,
        double gopSeconds,
        String preset,
        int crf,
        int maxBitrateKbps)
        implements Serializable {

    /** Frames per GOP, at least 1. */
    public int gopFrames() {
        return Math.max(1, (int) Math.round(gopSeconds * fps));
    }
}

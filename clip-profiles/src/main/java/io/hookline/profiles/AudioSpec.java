package io.hookline.profiles;

import java.io.Serializable;

/**
 * The audio side of a rendition: AAC-LC, normalised to a loudness target.
 *
 * @param loudnessLufs integrated loudness the rendition is normalised to (EBU R128 / ITU-R BS.1770), e.g. -14
 * @param truePeakDbtp the ceiling the true peak must stay under after normalisation, e.g. -1
 * @param maxGainDb the most a quiet source is raised: a near-silent clip is not made into loud noise, and one
 *     that stays under the target is delivered with a warning
 */
public record AudioSpec(
        int sampleRate, int channels, int bitrateKbps, double loudnessLufs, double truePeakDbtp, double maxGainDb)
        implements Serializable {
    /** The gain cap when a profile names none. */
    public static final double DEFAULT_MAX_GAIN_DB = 20;

    public AudioSpec(int sampleRate, int channels, int bitrateKbps, double loudnessLufs, double truePeakDbtp) {
        this(sampleRate, channels, bitrateKbps, loudnessLufs, truePeakDbtp, DEFAULT_MAX_GAIN_DB);
    }
}

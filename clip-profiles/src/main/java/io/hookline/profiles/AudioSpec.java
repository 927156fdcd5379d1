package io.hookline.profiles;

import java.io.Serializable;

/**
 * The audio side of a rendition: AAC-LC, normalised to a loudness target.
 *
 * @param loudnessLufs integrated loudness the rendition is normalised to (EBU R128 / ITU-R BS.1770), e.g. -14
 * @param truePeakDbtp the ceiling the true peak must stay under after normalisation, e.g. -1
 */
public record AudioSpec(int sampleRate, int channels, int bitrateKbps, double loudnessLufs, double truePeakDbtp)
        implements Serializable {}

package io.hookline.profiles;

import java.io.Serializable;

/**
 * One platform rendition: the frame, codec, audio, packaging, length, size and graphics a destination accepts.
 * Only concrete renditions are rendered; abstract bases exist to be extended and never get here.
 *
 * @param name unique across all profile files, e.g. {@code youtube-landscape}; also the output file name
 * @param file the YAML file it came from, for messages
 * @param safeZone the frame margins graphics keep out of
 * @param graphics the name of the {@link GraphicsTemplate} drawn over the picture, see {@link ProfileSet#template}
 * @param sizeCapBytes the hard size limit of one file, 0 when the platform has none
 */
public record RenditionProfile(
        String name,
        String description,
        String file,
        VideoSpec video,
        AudioSpec audio,
        Container container,
        SafeZone safeZone,
        String graphics,
        long minDurationMs,
        long maxDurationMs,
        long sizeCapBytes)
        implements Serializable {

    public boolean hasSizeCap() {
        return sizeCapBytes > 0;
    }
}

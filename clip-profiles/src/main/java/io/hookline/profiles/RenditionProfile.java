package io.hookline.profiles;

import java.io.Serializable;

/**
 * One platform rendition: the frame, codec, audio, length and size a destination accepts.
 *
 * @param name unique across all profile files, e.g. {@code youtube-landscape}; also the output file name
 * @param file the YAML file it came from, for messages
 * @param sizeCapBytes the hard size limit of one file, 0 when the platform has none
 */
public record RenditionProfile(
        String name,
        String description,
        String file,
        VideoSpec video,
        AudioSpec audio,
        long minDurationMs,
        long maxDurationMs,
        long sizeCapBytes) implements Serializable {

    public boolean hasSizeCap() {
        return sizeCapBytes > 0;
    }
}

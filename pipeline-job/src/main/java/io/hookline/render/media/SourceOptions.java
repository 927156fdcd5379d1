package io.hookline.render.media;

import java.util.Map;

/**
 * How to open a source beyond its location.
 *
 * @param demuxerOptions options for FFmpeg's demuxer and protocols, e.g. {@code protocol_whitelist}
 * @param identity what caches key the source on, or null to derive it from the location; a live window
 *     gives its live video's identity, never the window file's path or a presigned URL
 * @param firstFrameUs where the first video frame is on the source's timeline, or {@link #FROM_CONTAINER} to
 *     start the timeline where the container starts (the earliest stream)
 */
public record SourceOptions(Map<String, String> demuxerOptions, String identity, long firstFrameUs) {
    public static final long FROM_CONTAINER = Long.MIN_VALUE;
    public static final SourceOptions NONE = new SourceOptions(Map.of(), null, FROM_CONTAINER);

    public SourceOptions {
        demuxerOptions = Map.copyOf(demuxerOptions);
    }

    /** A window of a live video: its identity, and its first video frame at {@code firstFrameUs}. */
    public static SourceOptions live(Map<String, String> demuxerOptions, String identity, long firstFrameUs) {
        return new SourceOptions(demuxerOptions, identity, firstFrameUs);
    }
}

package io.hookline.ingest.video;

import java.util.List;
import java.util.Map;

/**
 * A stretch of a live video that FFmpeg can open now.
 *
 * @param location a local file (or URL) holding the stretch
 * @param notes what is missing or damaged in it, one sentence each, e.g. "segment 17 (0:34.0-0:36.0) is
 *     missing: skipped"
 * @param demuxerOptions options to open {@code location} with (none for the local files made so far)
 * @param identity the live video's identity: what caches key on, never the window file's own path
 * @param firstFrameUs where the first video frame of {@code location} is on the live video's timeline; reading
 *     it with this origin puts a frame shown at t on the live video at t in the window
 */
public record Window(
        String location, List<String> notes, Map<String, String> demuxerOptions, String identity, long firstFrameUs) {
    public Window {
        notes = List.copyOf(notes);
        demuxerOptions = Map.copyOf(demuxerOptions);
    }
}

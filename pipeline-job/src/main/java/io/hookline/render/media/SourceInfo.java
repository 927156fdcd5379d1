package io.hookline.render.media;

/**
 * What a source video holds.
 *
 * @param identity the location with the file's size and modification time: a changed file is a new source
 * @param durationMs the container's duration
 * @param fps the video's average frame rate
 * @param audioChannels 0 when the source has no audio stream
 */
public record SourceInfo(
        String location,
        String identity,
        long durationMs,
        int width,
        int height,
        double fps,
        String videoCodec,
        int audioChannels,
        int audioSampleRate) {

    /** The same source under another identity: its pictures once changed (deinterlaced), which caches must tell apart. */
    public SourceInfo withIdentity(String changed) {
        return new SourceInfo(
                location, changed, durationMs, width, height, fps, videoCodec, audioChannels, audioSampleRate);
    }

    public boolean hasAudio() {
        return audioChannels > 0;
    }

    /** Length of one source frame in microseconds. */
    public long frameDurationUs() {
        return Math.round(1_000_000.0 / fps);
    }
}

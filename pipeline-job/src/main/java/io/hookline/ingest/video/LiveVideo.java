package io.hookline.ingest.video;

import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** A match video that may still be growing: a live HLS playlist or a file being written. Thread-safe. */
public interface LiveVideo extends AutoCloseable {

    /**
     * Whether a location is a live playlist: an {@code .m3u8} path or URL of any scheme. A growing TS or
     * fMP4 file looks like any other file, so its caller says so through {@link #open}.
     */
    static boolean isLive(String location) {
        String path = location;
        int query = path.indexOf('?');
        if (query >= 0 && path.contains("://")) {
            path = path.substring(0, query);
        }
        return path.toLowerCase(Locale.ROOT).endsWith(".m3u8");
    }

    /**
     * Opens a live video: an HLS media playlist (local path, {@code http(s)://} or {@code s3://}), or with
     * {@code growingFile} a local MPEG-TS or fragmented MP4 file still being written, which counts as ended
     * once it has not grown for {@link GrowingFileVideo#DEFAULT_QUIET}.
     *
     * @param s3 how to reach S3 for {@code s3://} playlists and segments
     */
    static LiveVideo open(String location, S3Settings s3, boolean growingFile) {
        if (isLive(location)) {
            return new HlsVideo(location, new Resources(s3), WorkDir.create());
        }
        if (growingFile && !location.contains("://")) {
            return new GrowingFileVideo(Path.of(location), GrowingFileVideo.DEFAULT_QUIET);
        }
        throw new IllegalArgumentException("not a live video: " + location + " (give an .m3u8 playlist, or a"
                + " local file that is being written)");
    }

    /** Re-reads the playlist (or the file's size and last timestamp) and returns how far the video goes now. */
    Edge refresh() throws IOException;

    /**
     * Waits until the video covers [startMs, endMs], the video has ended, or {@code wait} passes, reading it
     * again every {@code poll}.
     *
     * @return a window FFmpeg can open, on the live video's own timeline, with notes about missing or damaged
     *     segments that touch [startMs, endMs]
     * @throws VideoNotCoveredException when the video ended before endMs or did not reach it in time; its
     *     message reads "the video stops at 1:23:10; the play ends at 1:23:40 (...)"
     */
    Window await(long startMs, long endMs, Duration wait, Duration poll) throws IOException, InterruptedException;

    /**
     * The video time shown at a wall-clock instant, from the playlist's EXT-X-PROGRAM-DATE-TIME tags, so a feed
     * stamped with wall-clock times can be placed on the video; empty when the source carries no dates or no
     * video was recorded at that instant.
     */
    OptionalLong videoMsAt(Instant instant);

    /**
     * The wall-clock instant the video has been recorded up to, from its dates (the end of its last segment);
     * empty when the source carries no dates, or none for its last segment.
     */
    Optional<Instant> recordedUntil();

    /**
     * Where a wall-clock instant is on the video as it stands after {@link #refresh()}: its video time, not yet
     * (the video has not recorded that moment so far), or never, with the reason.
     */
    default Placement place(Instant instant) {
        OptionalLong at = videoMsAt(instant);
        if (at.isPresent()) {
            return new Placement.At(at.getAsLong());
        }
        Optional<Instant> until = recordedUntil();
        if (until.isEmpty() || !instant.isBefore(until.get())) {
            return new Placement.NotYet(until.orElse(null));
        }
        return new Placement.Never("no video was recorded at " + instant + " (a time before the playlist's first"
                + " EXT-X-PROGRAM-DATE-TIME or in a gap between its dates)");
    }

    /** A stable identity for caches: the same live source always gives the same string. */
    String identity();

    /** Deletes a window's file once it has been read, if this video made it (a growing file is its own window). */
    default void release(Window window) throws IOException {}

    /** Deletes the window files this video made. */
    @Override
    void close() throws IOException;
}

package io.hookline.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where clips, thumbnails and manifests go. Every write is atomic: readers see the old object or the new
 * one, never a partial file, and writing the same bytes to the same key twice leaves one object.
 * Keys are relative paths such as {@code <matchId>/clips/<clipId>/youtube-landscape.mp4}.
 */
public interface ClipStore {

    /** A fresh local file to write an object into before {@link #commit}. */
    Path newTempFile(String key) throws IOException;

    /** Publishes a finished temp file under {@code key}, replacing what was there. */
    void commit(Path temp, String key) throws IOException;

    /** Writes small content (a manifest) under {@code key} atomically. */
    void write(String key, byte[] bytes) throws IOException;

    /** Where a key lives, in words for messages: a path or a URL. */
    String locate(String key);
}

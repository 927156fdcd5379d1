package io.hookline.storage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The objects of a profile store, by key relative to its root ({@code current}, {@code versions/<v>/rules/...}):
 * a local directory or an S3 prefix. Every write is atomic: a reader sees the old object or the new one.
 */
public interface ProfileObjects {

    /** The object's bytes, or empty when there is none. */
    Optional<byte[]> read(String key) throws IOException;

    /** Every key under {@code prefix} (which ends with '/'), relative to the root. */
    List<String> list(String prefix) throws IOException;

    void write(String key, byte[] bytes) throws IOException;

    /** Where a key lives, in words for messages. */
    String locate(String key);
}

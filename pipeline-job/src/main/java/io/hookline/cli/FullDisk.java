package io.hookline.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names the disk behind a "No space left on device": the operating system's message gives neither the disk nor
 * how full it is, and ops need both to free space in the right place.
 */
final class FullDisk {
    private static final String ENOSPC = "No space left on device";
    private static final long MB = 1_000_000;

    private FullDisk() {}

    /** "the disk holding OUT (mounted at M) is full: N MB free of T MB", when the message says a disk filled up. */
    static Optional<String> describe(String message, Path out) {
        if (message == null || !message.contains(ENOSPC)) {
            return Optional.empty();
        }
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of("the disk holding " + out + " is full");
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return Optional.of(String.format(
                    "the disk holding %s (%s) is full: %d MB free of %d MB",
                    out, store, store.getUsableSpace() / MB, store.getTotalSpace() / MB));
        } catch (IOException e) {
            return Optional.of("the disk holding " + out + " is full");
        }
    }
}

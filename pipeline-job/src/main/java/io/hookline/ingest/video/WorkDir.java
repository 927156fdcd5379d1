package io.hookline.ingest.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directory where a live video writes the window files FFmpeg reads. */
final class WorkDir {

    private WorkDir() {}

    static Path create() {
        try {
            return Files.createTempDirectory("hookline-live-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for live video windows", e);
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

package io.hookline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Which of a run's output files this run wrote: an output directory also holds earlier runs' matches. */
final class WrittenFiles {

    private WrittenFiles() {}

    static boolean since(Path file, Instant since) {
        try {
            return Files.exists(file)
                    && !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }
}

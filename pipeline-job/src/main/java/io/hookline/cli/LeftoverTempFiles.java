package io.hookline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The half-written files a killed or failed run left in an output directory: renditions, manifests and encoded
 * segments are written to {@code .part} files and renamed into place, so a {@code .part} file is never a result.
 * They are removed once this run holds the directory's lock, when no other run can be writing them.
 */
final class LeftoverTempFiles {
    private LeftoverTempFiles() {}

    /** Deletes every {@code .part} file under {@code out}; returns how many there were. */
    static int remove(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(out)) {
            leftovers = files.filter(f -> f.getFileName().toString().endsWith(".part") && Files.isRegularFile(f))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path f : leftovers) {
            Files.deleteIfExists(f);
        }
        return leftovers.size();
    }
}

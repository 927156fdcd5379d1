package io.hookline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real provider samples in {@code ../shared/realdata} next to the repository (see its PROVENANCE.md), or where
 * the system property {@code hookline.realdata} (or {@code HOOKLINE_REALDATA}) points. They are not part of the
 * project and may not be copied into it: they are an extra layer over the fixtures under src/test/resources, which
 * are written for the tests in the providers' formats. Tests that read only them are tagged {@link RealDataLayer}.
 */
public final class RealData {
    private RealData() {}

    /** A file of the samples, e.g. {@code nba-pbp/0021500001.csv}; skips the calling test when it is absent. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                () -> "real data sample " + file + " not found; skipping"
                        + " (the samples live in ../shared/realdata next to the repository and are not part of it)");
        return file;
    }

    /** A file of the samples, if this checkout has them. */
    public static Optional<Path> find(String relative) {
        Path file = root().resolve(relative);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static Path root() {
        String given = System.getProperty("hookline.realdata", System.getenv("HOOKLINE_REALDATA"));
        if (given != null) {
            return Path.of(given);
        }
        // Maven runs tests in the module's directory; an IDE may run them at the repository's root.
        Path here = Path.of("").toAbsolutePath();
        Path repository = Files.isDirectory(here.resolve("pipeline-job")) ? here : here.getParent();
        return repository.resolveSibling("shared").resolve("realdata");
    }
}

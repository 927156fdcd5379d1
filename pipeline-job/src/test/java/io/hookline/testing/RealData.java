package io.hookline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real provider samples in {@code ../shared/realdata} next to the repository (see its PROVENANCE.md). They
 * are not part of the project and may not be copied into it; a checkout without them skips the tests that read
 * them, saying so.
 */
public final class RealData {
    private RealData() {}

    /** A file of the samples, e.g. {@code nba-pbp/0021500001.csv}; skips the calling test when it is absent. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "real data sample " + file + " not found; skipping"
                + " (the samples live in ../shared/realdata next to the repository and are not part of it)");
        return file;
    }

    private static Path root() {
        // Maven runs tests in the module's directory; an IDE may run them at the repository's root.
        Path here = Path.of("").toAbsolutePath();
        Path repository = Files.isDirectory(here.resolve("pipeline-job")) ? here : here.getParent();
        return repository.resolveSibling("shared").resolve("realdata");
    }
}

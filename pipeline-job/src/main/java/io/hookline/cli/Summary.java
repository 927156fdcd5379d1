package io.hookline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.storage.ManifestFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The closing summary: what each match produced, what failed and why, and where to look. */
final class Summary {
    private static final int TOP = 5;
    private final PrintStream out;

    Summary(PrintStream out) {
        this.out = out;
    }

    /** Prints the matches written since {@code since}; returns the number of failed renditions. */
    int print(Path outDir, Instant since, Duration took) throws IOException {
        List<Path> manifests = manifestsSince(outDir, since);
        out.println();
        out.printf(Locale.ROOT, "Done in %dm %02ds.%n", took.toMinutes(), took.toSecondsPart());
        if (manifests.isEmpty()) {
            out.println("No clips: no event in the feed made a clip. Dead letters, if any, are under " + outDir.toAbsolutePath());
        }
        int failures = 0;
        for (Path manifest : manifests) {
            failures += match(manifest);
        }
        return failures;
    }

    private int match(Path manifest) throws IOException {
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        JsonNode summary = root.get("summary");
        int failed = summary.get("failed").asInt();
        Path deadLetters = manifest.resolveSibling(ManifestFiles.DEAD_LETTERS);
        long rejected = 0;
        if (Files.exists(deadLetters)) {
            try (Stream<String> lines = Files.lines(deadLetters)) {
                rejected = lines.count();
            }
        }
        out.printf("%nMatch %s: %d clips, %d renditions (%d ok, %d failed), %d dead letters%n",
                root.get("matchId").asText(), summary.get("clips").asInt(), summary.get("renditions").asInt(),
                summary.get("renditions").asInt() - failed, failed, rejected);
        int shown = 0;
        for (JsonNode clip : root.get("clips")) {
            if (shown++ < TOP) {
                out.printf(Locale.ROOT, "  %2d. %5.2f  %s%n", clip.get("rank").asInt(), clip.get("score").asDouble(),
                        clip.get("title").asText());
            }
            for (JsonNode r : clip.get("renditions")) {
                if ("failed".equals(r.get("status").asText())) {
                    out.printf("      failed: %s / %s: %s%n", clip.get("title").asText(), r.get("profile").asText(),
                            r.get("error").asText());
                }
            }
        }
        out.println("  Manifest:     " + manifest.toAbsolutePath());
        out.println("  Clips:        " + manifest.resolveSibling("clips").toAbsolutePath());
        if (rejected > 0) {
            out.println("  Dead letters: " + deadLetters.toAbsolutePath());
        }
        return failed;
    }

    private static List<Path> manifestsSince(Path outDir, Instant since) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(outDir)) {
            return dirs.map(d -> d.resolve(ManifestFiles.MANIFEST_JSON))
                    .filter(m -> modifiedSince(m, since))
                    .sorted()
                    .toList();
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return Files.exists(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }
}

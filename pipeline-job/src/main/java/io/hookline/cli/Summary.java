package io.hookline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.storage.ManifestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The closing summary: what each match produced, what failed and why, and where to look. */
final class Summary {
    private static final int TOP = 5;
    private static final int FIRST_DEAD_LETTERS = 3;
    private static final int FIRST_WARNINGS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    /** Why renditions failed, in every match printed, with how many failed so. */
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    Summary(PrintWriter out) {
        this.out = out;
    }

    /** Prints every match written since {@code since}; returns failed renditions plus dead letters. */
    int print(Path outDir, Instant since, Duration took) throws IOException {
        List<Path> matches = matchesSince(outDir, since);
        out.println();
        out.printf(Locale.ROOT, "Done in %dm %02ds.%n", took.toMinutes(), took.toSecondsPart());
        if (matches.isEmpty()) {
            out.println("Nothing was written: the feed held no events.");
        }
        int problems = 0;
        for (Path match : matches) {
            problems += match(match);
        }
        return problems;
    }

    private int match(Path dir) throws IOException {
        Path manifest = dir.resolve(ManifestFiles.MANIFEST_JSON);
        Path deadLetters = dir.resolve(ManifestFiles.DEAD_LETTERS);
        List<JsonNode> letters = new ArrayList<>();
        if (Files.exists(deadLetters)) {
            for (String line : Files.readAllLines(deadLetters)) {
                letters.add(JSON.readTree(line));
            }
        }
        int failed = 0;
        if (Files.exists(manifest)) {
            JsonNode root = JSON.readTree(manifest.toFile());
            JsonNode summary = root.get("summary");
            failed = summary.get("failed").asInt();
            out.printf(
                    "%nMatch %s: %d clips, %d renditions (%d ok, %d failed), %d dead letters%n",
                    root.get("matchId").asText(),
                    summary.get("clips").asInt(),
                    summary.get("renditions").asInt(),
                    summary.get("renditions").asInt() - failed,
                    failed,
                    letters.size());
            clips(root);
            out.println("  Manifest:     " + manifest.toAbsolutePath());
            out.println("  Clips:        " + dir.resolve("clips").toAbsolutePath());
        } else {
            // The directory name may be cut and hashed; the letters carry the real id.
            out.printf(
                    "%nMatch %s: no clips, %d dead letters%n",
                    letters.isEmpty()
                            ? dir.getFileName()
                            : letters.get(0).get("matchId").asText(),
                    letters.size());
        }
        if (!letters.isEmpty()) {
            out.println("  Dead letters: " + deadLetters.toAbsolutePath());
            letters.stream()
                    .limit(FIRST_DEAD_LETTERS)
                    .forEach(l -> out.println("    " + l.get("origin").asText() + ": "
                            + l.get("reason").asText()));
            if (letters.size() > FIRST_DEAD_LETTERS) {
                out.println("    ... and " + (letters.size() - FIRST_DEAD_LETTERS) + " more");
            }
        }
        return failed + letters.size();
    }

    /** Why renditions failed in the matches printed so far, with how many failed for each reason. */
    Map<String, Integer> failures() {
        return failures;
    }

    /**
     * The best clips, then the failed renditions grouped by reason (a bad video fails them all alike), then the
     * first warnings the clips carry, each with how many clips carry it.
     */
    private void clips(JsonNode root) {
        Map<String, Integer> failures = new LinkedHashMap<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        int shown = 0;
        for (JsonNode clip : root.get("clips")) {
            if (shown++ < TOP) {
                out.printf(
                        Locale.ROOT,
                        "  %2d. %5.2f  %s%n",
                        clip.get("rank").asInt(),
                        clip.get("score").asDouble(),
                        clip.get("title").asText());
            }
            JsonNode notes = clip.get("notes");
            if (notes != null) {
                notes.forEach(n -> {
                    if (n.asText().startsWith("warning: ")) {
                        warnings.merge(n.asText(), 1, Integer::sum);
                    }
                });
            }
            for (JsonNode r : clip.get("renditions")) {
                if ("failed".equals(r.get("status").asText())) {
                    failures.merge(r.get("error").asText(), 1, Integer::sum);
                }
            }
        }
        failures.forEach((reason, count) -> out.printf("  %d failed: %s%n", count, reason));
        warnings.entrySet().stream()
                .limit(FIRST_WARNINGS)
                .forEach(w -> out.printf("  %d clip(s), %s%n", w.getValue(), w.getKey()));
        failures.forEach((reason, count) -> this.failures.merge(reason, count, Integer::sum));
    }

    private static List<Path> matchesSince(Path outDir, Instant since) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(outDir)) {
            return dirs.filter(d -> WrittenFiles.since(d.resolve(ManifestFiles.MANIFEST_JSON), since)
                            || WrittenFiles.since(d.resolve(ManifestFiles.DEAD_LETTERS), since))
                    .sorted()
                    .toList();
        }
    }
}

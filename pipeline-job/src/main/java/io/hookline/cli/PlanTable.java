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
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Prints the ranked plans written by a plan-only run: every clip, its score and why, and what it renders. */
final class PlanTable {
    private final PrintWriter out;

    PlanTable(PrintWriter out) {
        this.out = out;
    }

    /** Prints every plan written since {@code since}; returns the exit code. */
    int print(Path outDir, Instant since, Duration took) throws IOException {
        List<Path> plans;
        try (Stream<Path> dirs = Files.isDirectory(outDir) ? Files.list(outDir) : Stream.empty()) {
            plans = dirs.map(d -> d.resolve(ManifestFiles.PLAN))
                    .filter(p -> WrittenFiles.since(p, since))
                    .sorted()
                    .toList();
        }
        out.printf(Locale.ROOT, "%nPlanned in %d.%01d s.%n", took.toSeconds(), took.toMillisPart() / 100);
        for (Path plan : plans) {
            table(new ObjectMapper().readTree(plan.toFile()), plan);
        }
        return plans.isEmpty() ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private void table(JsonNode root, Path file) {
        int plays = 0;
        int compilations = 0;
        int renditions = 0;
        out.printf("%nMatch %s%n", root.get("matchId").asText());
        out.printf("%5s  %-11s %6s %7s  %-40s %s%n", "rank", "kind", "score", "length", "title", "why");
        for (JsonNode c : root.get("clips")) {
            boolean play = c.get("kind").asText().equals("play");
            plays += play ? 1 : 0;
            compilations += play ? 0 : 1;
            renditions += c.get("renditions").size();
            double seconds = 0;
            for (JsonNode s : c.get("segments")) {
                seconds +=
                        (s.get("sourceEndMs").asLong() - s.get("sourceStartMs").asLong())
                                / 1000.0
                                / s.get("speed").asDouble();
            }
            out.printf(
                    Locale.ROOT,
                    "%5d  %-11s %6.2f %6.1fs  %-40s %s%n",
                    c.get("rank").asInt(),
                    c.get("kind").asText(),
                    c.get("score").asDouble(),
                    seconds,
                    cut(c.get("title").asText(), 40),
                    c.get("explanation").asText());
            for (JsonNode note : c.get("notes")) {
                out.println("                                   note: " + note.asText());
            }
        }
        out.printf(
                "%d clips (%d plays, %d compilations), %d renditions to render%n",
                plays + compilations, plays, compilations, renditions);
        out.println("Plan: " + file.toAbsolutePath());
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}

package io.hookline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.storage.ManifestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One line on the error stream for each match whose feed records went to the dead letters in this run: the
 * first record's origin and reason, how many there are, and where they all are. The summary is on the output
 * stream; this is the line a script or an operator scanning errors sees.
 */
final class DeadLetterNotice {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter err;

    DeadLetterNotice(PrintWriter err) {
        this.err = err;
    }

    /** @return how many dead letters the run wrote */
    int print(Path outDir, Instant since) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> dirs = Files.list(outDir)) {
            files = dirs.map(d -> d.resolve(ManifestFiles.DEAD_LETTERS))
                    .filter(f -> WrittenFiles.since(f, since))
                    .sorted()
                    .toList();
        }
        int total = 0;
        for (Path file : files) {
            List<String> lines =
                    Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            JsonNode first = JSON.readTree(lines.get(0));
            err.println("dead letter: " + first.get("origin").asText() + ": "
                    + first.get("reason").asText() + " ("
                    + (lines.size() == 1 ? "the only one" : "1 of " + lines.size()) + " of match "
                    + first.get("matchId").asText() + ", all in " + file.toAbsolutePath() + ")");
            total += lines.size();
        }
        return total;
    }
}

package io.hookline.cli;

import io.hookline.job.MatchFileSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One error line for each match whose manifest, plan or dead letters this run could not write: the job let
 * the other matches finish and kept the reason aside, since the match's own directory is what failed.
 */
final class UnwrittenMatches {
    private final PrintWriter err;

    UnwrittenMatches(PrintWriter err) {
        this.err = err;
    }

    /** @return how many matches could not be written */
    int print(Path outDir, Instant since) throws IOException {
        Path dir = outDir.resolve(MatchFileSink.UNWRITTEN);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> all = Files.list(dir)) {
            files = all.filter(f -> WrittenFiles.since(f, since)).sorted().toList();
        }
        for (Path file : files) {
            String[] line =
                    Files.readString(file, StandardCharsets.UTF_8).strip().split("\t", 2);
            String reason = line.length > 1 ? line[1] : line[0];
            err.println("error: match " + line[0] + " failed: "
                    + FullDisk.describe(reason, outDir).orElse(reason) + "; the other matches were written");
        }
        return files.size();
    }
}

package io.hookline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.importers.ImportResult;
import io.hookline.ingest.sync.SyncException;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.model.MatchEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Helpers for importer tests: a sync file from text, the events of a type, and the rows accounted for. */
public final class Imports {
    private Imports() {}

    public static SyncFile sync(String yaml) throws SyncException {
        return SyncFile.read("sync.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    public static List<MatchEvent> ofType(ImportResult result, String type) {
        return result.events().stream().filter(e -> e.getType().equals(type)).toList();
    }

    /** Data rows of a CSV counted the plain way: non-blank lines after the header. */
    public static long csvRows(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(1).filter(l -> !l.isBlank()).count();
        }
    }

    /** Every row is accounted for, and none was dropped as broken. */
    public static void assertReconciles(ImportResult r, long inputRows) {
        assertThat(r.rows()).as("rows read").isEqualTo(inputRows);
        assertThat(r.rowsImported() + r.dropped().size())
                .as("imported + dropped")
                .isEqualTo(inputRows);
        assertThat(r.badRows()).as("rows dropped as bad data").isZero();
        assertThat(r.dropped()).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
    }
}

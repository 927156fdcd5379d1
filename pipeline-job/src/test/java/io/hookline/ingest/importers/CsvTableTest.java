package io.hookline.ingest.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaksAndRowsKnowTheirLine() throws Exception {
        Path file =
                Files.writeString(dir.resolve("t.csv"), "\uFEFFA,B\r\n1,\"x, \"\"y\"\"\"\r\n\r\n2,\"two\nlines\"\n3,z");
        CsvTable table = CsvTable.read(file, List.of("A", "B"), Set.of());
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4, 6);
        assertThat(table.get(table.rows().get(0), "B")).isEqualTo("x, \"y\"");
        assertThat(table.get(table.rows().get(1), "B")).isEqualTo("two\nlines");
        assertThat(table.origin(table.rows().get(2))).isEqualTo("t.csv:6");
        assertThat(table.complete(table.rows().get(2))).isTrue();
    }

    @Test
    void aMissingColumnOrAnOpenQuoteIsReportedWithItsLine() throws Exception {
        Path columns = Files.writeString(dir.resolve("c.csv"), "Tema,Type\nHome,SHOT\n");
        assertThatThrownBy(() -> CsvTable.read(columns, List.of("Team", "Type"), Set.of()))
                .hasMessage("c.csv:1: wrong columns: missing Team (did you mean 'Tema'?); the header has Tema,Type");
        Path quote = Files.writeString(dir.resolve("q.csv"), "A\n1\n\"open\n");
        assertThatThrownBy(() -> CsvTable.read(quote, List.of("A"), Set.of()))
                .hasMessage("q.csv:3: a quoted cell is never closed");
    }
}

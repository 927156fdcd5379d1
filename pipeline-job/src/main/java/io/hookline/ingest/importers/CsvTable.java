package io.hookline.ingest.importers;

import io.hookline.vocabulary.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file (RFC 4180: quoted cells may hold commas, quotes and line breaks) read whole, with the line each
 * row starts on. Blank lines are not rows.
 */
final class CsvTable {
    /** One data row; {@code line} is 1-based and counts the header. */
    record Row(int line, List<String> cells) {}

    private final String name;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows;

    private CsvTable(String name, List<String> header, List<Row> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    /**
     * Reads the file; it fails, naming line 1, when a required column is missing.
     *
     * @param unused the format's other columns: present under their own name, they are never offered as a typo
     *     of a missing one (NBA's WCTIMESTRING is not a misspelt PCTIMESTRING)
     */
    static CsvTable read(Path file, List<String> required, Set<String> unused) throws IOException, ImportException {
        String name = file.getFileName().toString();
        List<Row> all = parse(name, Files.readString(file, StandardCharsets.UTF_8));
        if (all.isEmpty()) {
            throw new ImportException(
                    name + ":1", "the file is empty; expected a header with " + String.join(",", required));
        }
        List<String> header = all.get(0).cells().stream().map(String::strip).toList();
        List<String> candidates =
                header.stream().filter(c -> !unused.contains(c)).toList();
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!header.contains(column)) {
                missing.add(column + Suggestions.didYouMean(column, candidates));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(
                    name + ":" + all.get(0).line(),
                    "wrong columns: missing " + String.join(", ", missing) + "; the header has "
                            + String.join(",", header));
        }
        return new CsvTable(name, header, all.subList(1, all.size()));
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    String origin(Row row) {
        return name + ":" + row.line();
    }

    /** Whether the row has a cell for every column of the header. */
    boolean complete(Row row) {
        return row.cells().size() == header.size();
    }

    int width() {
        return header.size();
    }

    /** The cell of a column, stripped; "" when the row is short. */
    String get(Row row, String column) {
        int i = columns.get(column);
        return i < row.cells().size() ? row.cells().get(i).strip() : "";
    }

    private static List<Row> parse(String name, String text) throws ImportException {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean blank = true;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                blank = false;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                blank = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!blank || !cell.isEmpty()) {
                    cells.add(cell.toString());
                    rows.add(new Row(rowLine, cells));
                }
                cells = new ArrayList<>();
                cell.setLength(0);
                blank = true;
                line++;
                rowLine = line;
            } else {
                cell.append(c);
                blank = false;
            }
        }
        if (quoted) {
            throw new ImportException(name + ":" + rowLine, "a quoted cell is never closed");
        }
        if (!blank || !cell.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, cells));
        }
        return rows;
    }
}

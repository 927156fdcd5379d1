package io.hookline.ingest.importers;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.ingest.sync.ClockKind;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metrica Sports events, as their CSV ({@code Sample_Game_1_RawEventsData.csv}) or their JSON
 * ({@code {"data": [...]}}), optionally with the JSON's EPTS metadata XML, which says which team is at home.
 * Times are seconds since the recording started, running on across the halves; a period's clock starts at its
 * first event, its kick-off. Locations are already 0..1.
 */
public final class MetricaImporter implements FeedImporter {
    private static final List<String> COLUMNS =
            List.of("Team", "Type", "Subtype", "Period", "Start Time [s]", "From", "Start X", "Start Y");
    private static final Set<String> UNUSED =
            Set.of("Start Frame", "End Frame", "End Time [s]", "To", "End X", "End Y");
    private static final String PROVIDER = "metrica";
    private static final String SPORT = "soccer";
    /** A CSV names its teams like this. */
    private static final String CSV_HOME = "Home";

    /** One event as either format gives it, still as text. */
    private record Row(
            String origin,
            String id,
            String team,
            String type,
            String subtype,
            String period,
            String time,
            String player,
            String x,
            String y) {}

    @Override
    public ImportResult read(List<Path> inputs, SyncFile sync) throws ImportException, IOException {
        List<Row> rows = null;
        MetricaMetadata metadata = null;
        String name = null;
        for (Path input : inputs) {
            char first = firstCharacter(input);
            if (first == '<') {
                metadata = MetricaMetadata.read(input);
                continue;
            }
            if (rows != null) {
                throw new ImportException(
                        input.getFileName() + ":1", "a second events file; give one, and its metadata XML");
            }
            rows = first == '{' || first == '[' ? jsonRows(input) : csvRows(input);
            name = input.getFileName().toString();
        }
        if (rows == null) {
            throw new ImportException("metrica", "no events file among the inputs (the metadata XML has no plays)");
        }
        EventCollector events =
                new EventCollector(sync, ClockKind.RUNNING, "Metrica's times are seconds of a clock that runs on");
        Sides sides = sides(rows, metadata, name, sync, events.notes());
        Map<Integer, Long> periodStarts = periodStarts(rows);
        periodStarts.forEach((period, ms) -> events.note(
                "period " + period + " starts at " + ms / 1000.0 + " s of the recording (its first event)"));
        RunningScore score = new RunningScore();
        for (Row row : rows) {
            events.row(row.origin());
            read(row, events, sides, score, periodStarts);
        }
        if (metadata != null
                && metadata.finalScore() != null
                && !metadata.finalScore().equals(score.current())) {
            events.warn("the goals in " + name + " make " + show(score.current())
                    + " but the metadata's final score is " + show(metadata.finalScore()));
        }
        return events.result();
    }

    private static void read(
            Row row, EventCollector events, Sides sides, RunningScore score, Map<Integer, Long> periodStarts)
            throws ImportException {
        Integer period = period(row);
        Long time = timeMs(row);
        if (row.type() == null || row.type().isBlank()) {
            events.reject("no Type", null);
            return;
        }
        if (period == null) {
            events.reject("Period is not a period number", row.period());
            return;
        }
        if (time == null) {
            events.reject("bad time in Start Time [s]", "'" + row.time() + "'");
            return;
        }
        List<String> subtypes = row.subtype() == null || row.subtype().isBlank()
                ? List.of()
                : Arrays.stream(row.subtype().split("-")).map(String::strip).toList();
        String side = sides.of(row.team());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("provider", PROVIDER);
        attributes.put("sport", SPORT);
        attributes.put("providerType", row.type());
        if (!subtypes.isEmpty()) {
            attributes.put("providerSubtype", row.subtype());
        }
        attributes.put("providerTime", row.time());
        EventType kind;
        Score after = score.current();
        switch (row.type()) {
            case "SHOT" -> {
                kind = subtypes.contains("GOAL") ? EventType.GOAL : EventType.SHOT;
                attributes.put("outcome", outcome(subtypes));
                if (kind == EventType.GOAL) {
                    after = score.goal(side, period);
                }
            }
            case "SET PIECE" -> kind = EventType.SET_PIECE;
            case "CARD" -> {
                kind = EventType.CARD;
                attributes.put("card", row.subtype());
            }
            default -> {
                events.skip("Metrica type '" + row.type() + "' is not imported");
                return;
            }
        }
        if (side != null) {
            attributes.put("teamName", row.team());
        }
        long clock = time - periodStarts.get(period);
        MatchEvent.Builder event = MatchEvent.newBuilder()
                .setEventId(row.id())
                .setGameClockMs(SoccerClock.matchClockMs(period, clock))
                .setTeam(side)
                .setPlayers(
                        row.player() == null || row.player().isBlank()
                                ? List.of()
                                : List.of(row.player().strip()))
                .setScore(after)
                .setLocation(location(row))
                .setDescription(row.type() + (subtypes.isEmpty() ? "" : ": " + row.subtype()))
                .setAttributes(attributes);
        events.add(event, kind, period, clock);
    }

    private static String outcome(List<String> subtypes) {
        if (subtypes.contains("GOAL")) {
            return "goal";
        }
        if (subtypes.contains("SAVED")) {
            return "saved";
        }
        if (subtypes.contains("BLOCKED")) {
            return "blocked";
        }
        if (subtypes.contains("WOODWORK")) {
            return "post";
        }
        return subtypes.contains("OFF TARGET") ? "off target" : "unknown";
    }

    /** The home team: the CSV's "Home", the metadata's local team, else the first team in the feed. */
    private static Sides sides(List<Row> rows, MetricaMetadata metadata, String name, SyncFile sync, List<String> notes)
            throws ImportException {
        List<String> teams = new ArrayList<>();
        rows.stream()
                .map(Row::team)
                .filter(t -> t != null && !t.isBlank())
                .distinct()
                .forEach(teams::add);
        String home = teams.contains(CSV_HOME) ? CSV_HOME : null;
        if (metadata != null) {
            for (String team : teams) {
                if (!team.equals(metadata.home()) && !team.equals(metadata.away())) {
                    throw new ImportException(
                            name + ":1",
                            "team " + team + " is not in the metadata XML, which is for " + metadata.home() + " v "
                                    + metadata.away() + ": is it this game's metadata?");
                }
            }
            home = metadata.home();
        }
        return Sides.choose(teams, home, sync, name, notes);
    }

    /** Each period's clock starts at its earliest event: the kick-off. */
    private static Map<Integer, Long> periodStarts(List<Row> rows) {
        Map<Integer, Long> starts = new TreeMap<>();
        for (Row row : rows) {
            Integer period = period(row);
            Long time = timeMs(row);
            if (period != null && time != null) {
                starts.merge(period, time, Math::min);
            }
        }
        return starts;
    }

    private static Integer period(Row row) {
        return row.period() != null && row.period().strip().matches("[1-9]\\d{0,2}")
                ? Integer.parseInt(row.period().strip())
                : null;
    }

    private static Long timeMs(Row row) {
        double seconds = number(row.time());
        return Double.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
    }

    /** Tracking places a few events just off the pitch (x = 1.03); they are kept on its edge. */
    private static Location location(Row row) {
        double x = number(row.x());
        double y = number(row.y());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        return new Location(Math.max(0, Math.min(1, x)), Math.max(0, Math.min(1, y)));
    }

    /** The number in a cell; NaN when there is none (Metrica writes "NaN" for an unknown location). */
    private static double number(String text) {
        if (text == null || !text.strip().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(text.strip());
    }

    private static List<Row> csvRows(Path file) throws IOException, ImportException {
        CsvTable table = CsvTable.read(file, COLUMNS, UNUSED);
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (CsvTable.Row r : table.rows()) {
            index++;
            rows.add(new Row(
                    table.origin(r),
                    String.valueOf(index),
                    table.get(r, "Team"),
                    table.get(r, "Type"),
                    table.get(r, "Subtype"),
                    table.get(r, "Period"),
                    table.get(r, "Start Time [s]"),
                    table.get(r, "From"),
                    table.get(r, "Start X"),
                    table.get(r, "Start Y")));
        }
        return rows;
    }

    private static List<Row> jsonRows(Path file) throws IOException, ImportException {
        List<Row> rows = new ArrayList<>();
        for (JsonRecords.Element e : JsonRecords.read(file, "data")) {
            JsonNode n = e.node();
            rows.add(new Row(
                    e.origin(),
                    JsonRecords.text(n, "index"),
                    JsonRecords.text(n, "team", "name"),
                    JsonRecords.text(n, "type", "name"),
                    subtypes(n.get("subtypes")),
                    JsonRecords.text(n, "period"),
                    JsonRecords.text(n, "start", "time"),
                    JsonRecords.text(n, "from", "name"),
                    JsonRecords.text(n, "start", "x"),
                    JsonRecords.text(n, "start", "y")));
        }
        return rows;
    }

    /** The JSON's subtypes (one object, a list, or null) joined like the CSV writes them: "HEAD-ON TARGET-GOAL". */
    private static String subtypes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode s : node.isArray() ? node : List.of(node)) {
            String name = JsonRecords.text(s, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return String.join("-", names);
    }

    private static char firstCharacter(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = in.read()) != -1) {
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return (char) c;
                }
            }
            return ' ';
        }
    }

    private static String show(Score s) {
        return s.getHome() + "-" + s.getAway();
    }
}

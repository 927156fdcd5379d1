package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.FeedReader;
import io.hookline.model.FeedRecord;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./hookline import} on small hand-written NBA feeds: the summary, and every kind of bad input with its
 * one-line error naming file and line, exit code 2, and nothing written.
 */
class ImportCommandTest {
    /** The playbyplayv2 columns, as stats.nba.com writes them. */
    private static final List<String> HEADER = List.of(
            "GAME_ID",
            "EVENTNUM",
            "EVENTMSGTYPE",
            "EVENTMSGACTIONTYPE",
            "PERIOD",
            "WCTIMESTRING",
            "PCTIMESTRING",
            "HOMEDESCRIPTION",
            "NEUTRALDESCRIPTION",
            "VISITORDESCRIPTION",
            "SCORE",
            "SCOREMARGIN",
            "PERSON1TYPE",
            "PLAYER1_ID",
            "PLAYER1_NAME",
            "PLAYER1_TEAM_ID",
            "PLAYER1_TEAM_CITY",
            "PLAYER1_TEAM_NICKNAME",
            "PLAYER1_TEAM_ABBREVIATION",
            "PERSON2TYPE",
            "PLAYER2_ID",
            "PLAYER2_NAME",
            "PLAYER2_TEAM_ID",
            "PLAYER2_TEAM_CITY",
            "PLAYER2_TEAM_NICKNAME",
            "PLAYER2_TEAM_ABBREVIATION",
            "PERSON3TYPE",
            "PLAYER3_ID",
            "PLAYER3_NAME",
            "PLAYER3_TEAM_ID",
            "PLAYER3_TEAM_CITY",
            "PLAYER3_TEAM_NICKNAME",
            "PLAYER3_TEAM_ABBREVIATION");

    private static final String GAME = "0021500001";

    @TempDir
    Path dir;

    Path sync;
    Path out;
    StringWriter stdout;
    StringWriter stderr;

    @BeforeEach
    void files() throws Exception {
        sync = write("sync.yaml", """
                matchId: "0021500001"
                clock: countdown
                periodLength: "12:00"
                periods: {1: 30}
                sync:
                  - {period: 1, clock: "0:00", video: 510}
                """);
        out = dir.resolve("events.avro");
    }

    @Test
    void importsAFeedAndSaysWhatItDid() throws Exception {
        Path feed = feed(List.of(start(), dunk("7", "8:11", "2 - 0"), row("8", 18, "6:00", Map.of())), GAME);
        assertThat(run("--format", "nba-pbp", feed.toString(), "--sync", sync.toString(), "--out", out.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(stdout.toString())
                .contains("Match 0021500001 (nba-pbp): 3 rows read, 2 imported, 1 dropped; 2 events")
                .contains("home ATL, away DET")
                .containsPattern("PERIOD_START +1")
                .containsPattern("DUNK +1")
                .contains("1  EVENTMSGTYPE 18 (instant replay) has no event type: game.csv:4")
                .contains("Wrote 2 events to " + out.toAbsolutePath());
        assertThat(stderr.toString()).isEmpty();
        List<FeedRecord> records = read(out);
        assertThat(records).extracting(r -> r.getEvent().getEventId()).containsExactly("0", "7");
        // 8:11 remaining: 229 s of a 720 s quarter spread over 480 s of video from 0:30.
        assertThat(records.get(1).getEvent().getVideoTimeMs()).isEqualTo(30_000 + Math.round(229_000 * 480 / 720.0));
    }

    @Test
    void syncTimesWrittenAsWallClockDatesArePlacedThroughThePlaylistsProgramDates() throws Exception {
        // An hour-long break after the first minute: the dates jump across a discontinuity.
        Path playlist = write("live.m3u8", """
                #EXTM3U
                #EXT-X-TARGETDURATION:20
                #EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:00:00Z
                #EXTINF:20,
                a0.ts
                #EXTINF:20,
                a1.ts
                #EXTINF:20,
                a2.ts
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2026-12-06T21:00:00Z
                #EXTINF:20,
                b0.ts
                #EXTINF:20,
                b1.ts
                """);
        write("sync.yaml", """
                matchId: "0021500001"
                clock: countdown
                periodLength: "12:00"
                periods: {1: "2026-12-06T20:00:30Z"}
                sync:
                  - {period: 1, clock: "0:00", video: "2026-12-06T21:00:02Z"}
                """);
        Path feed = feed(List.of(start(), dunk("7", "8:11", "2 - 0")), GAME);

        assertThat(run(
                        "--format",
                        "nba-pbp",
                        feed.toString(),
                        "--sync",
                        sync.toString(),
                        "--video",
                        playlist.toString(),
                        "--out",
                        out.toString()))
                .as(stderr.toString())
                .isEqualTo(ExitCodes.OK);
        // The quarter runs from 0:30 to 1:02 of the video: 30 s before the break, 2 s after it.
        assertThat(read(out).get(1).getEvent().getVideoTimeMs())
                .isEqualTo(30_000 + Math.round(229_000L * 32_000 / 720_000.0));

        assertFails(
                List.of("--format", "nba-pbp", feed.toString()),
                "error: " + sync + ":4:14: periods: video time:"
                        + " 2026-12-06T20:00:30Z is a wall-clock time: give the match's video");
    }

    @Test
    void theSameFeedGivesTheSameBytesAndJsonLinesWhenAsked() throws Exception {
        Path feed = feed(List.of(start(), dunk("7", "8:11", "2 - 0")), GAME);
        run("--format", "nba-pbp", feed.toString(), "--sync", sync.toString(), "--out", out.toString());
        byte[] first = Files.readAllBytes(out);
        run("--format", "nba-pbp", feed.toString(), "--sync", sync.toString(), "--out", out.toString());
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
        Path jsonl = dir.resolve("events.jsonl");
        assertThat(run("--format", "nba-pbp", feed.toString(), "--sync", sync.toString(), "--out", jsonl.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(jsonl))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("{\"matchId\":\"0021500001\""));
        assertThat(read(jsonl)).extracting(r -> r.getEvent().getType()).containsExactly("PERIOD_START", "DUNK");
    }

    @Test
    void aBadClockStringDropsItsRowAndSaysWhere() throws Exception {
        Path feed = feed(List.of(start(), dunk("7", "7:4x", "2 - 0"), dunk("9", "7:00", "4 - 0")), GAME);
        assertThat(run("--format", "nba-pbp", feed.toString(), "--sync", sync.toString(), "--out", out.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(stdout.toString())
                .contains("3 rows read, 2 imported, 1 dropped (1 of them broken); 2 events")
                .contains("1  BAD DATA: bad clock string in PCTIMESTRING: game.csv:3 '7:4x'");
        assertThat(read(out)).extracting(r -> r.getEvent().getEventId()).containsExactly("0", "9");
    }

    @Test
    void anUnknownFormatIsRefused() throws Exception {
        Path feed = feed(List.of(start()), GAME);
        assertFails(
                List.of("--format", "nba-pdp", feed.toString()),
                "error: --format: unknown format 'nba-pdp' (did you mean 'nba-pbp'?); known formats: nba-pbp,"
                        + " statsbomb, metrica");
    }

    @Test
    void wrongColumnsAreRefusedAtTheHeader() throws Exception {
        Path feed = write("game.csv", String.join(",", HEADER).replace("PCTIMESTRING", "PC_TIMESTRING") + "\n");
        assertFails(
                List.of("--format", "nba-pbp", feed.toString()),
                "error: game.csv:1: wrong columns: missing"
                        + " PCTIMESTRING (did you mean 'PC_TIMESTRING'?); the header has GAME_ID,EVENTNUM,");
    }

    @Test
    void aBadClockStringInTheSyncFileIsRefusedAtItsLineAndColumn() throws Exception {
        write("sync.yaml", """
                matchId: "0021500001"
                clock: countdown
                periodLength: "12:00"
                periods: {1: 30}
                sync:
                  - {period: 1, clock: "6:6o", video: 300}
                """);
        assertFails(
                List.of("--format", "nba-pbp", feed(List.of(start()), GAME).toString()),
                "error: " + sync + ":6:24: clock: '6:6o' is not a time");
    }

    @Test
    void syncPointsThatAreNotMonotonicAreRefused() throws Exception {
        write("sync.yaml", """
                matchId: "0021500001"
                clock: countdown
                periodLength: "12:00"
                periods: {1: 30}
                sync:
                  - {period: 1, clock: "6:00", video: 300}
                  - {period: 1, clock: "3:00", video: 250}
                """);
        assertFails(
                List.of("--format", "nba-pbp", feed(List.of(start()), GAME).toString()),
                "error: " + sync + ":7:5: sync points are not monotonic: period 1 clock 3:00 at video 0:04:10 comes"
                        + " later in the game than period 1 clock 6:00 at video 0:05:00");
    }

    @Test
    void anEventBeforeTheFirstSyncPointIsRefused() throws Exception {
        write("sync.yaml", """
                matchId: "0021500001"
                clock: countdown
                periodLength: "12:00"
                sync:
                  - {period: 1, clock: "10:00", video: 60}
                """);
        assertFails(
                List.of(
                        "--format",
                        "nba-pbp",
                        feed(List.of(dunk("7", "10:00", "2 - 0"), start()), GAME)
                                .toString()),
                "error: game.csv:3: period 1 clock 12:00 is before the first sync point of the period, period 1 clock"
                        + " 10:00 at video 0:01:00 (" + sync + ":5:5)");
    }

    @Test
    void aFeedForAnotherMatchIsRefused() throws Exception {
        assertFails(
                List.of(
                        "--format",
                        "nba-pbp",
                        feed(List.of(start()), "0021500002").toString()),
                "error: game.csv:2: GAME_ID 0021500002 is not the sync file's matchId 0021500001 (" + sync
                        + ":1:10): is this the right sync file?");
    }

    @Test
    void aSyncFileForAnotherKindOfClockIsRefused() throws Exception {
        write("sync.yaml", "matchId: \"0021500001\"\nclock: running\nperiods: {1: 30}\n");
        assertFails(
                List.of("--format", "nba-pbp", feed(List.of(start()), GAME).toString()),
                "error: " + sync + ":2:8: clock: running does not fit this feed: PCTIMESTRING is the time remaining in"
                        + " the period; write clock: countdown");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        assertFails(
                List.of("--format", "nba-pbp", dir.resolve("nope.csv").toString()),
                "error: " + dir.resolve("nope.csv") + ": no such file");
    }

    @Test
    void readingsPastThePeriodsLastSyncPointAreExtrapolatedWithAWarning() throws Exception {
        write("sync.yaml", "matchId: \"0021500001\"\nclock: countdown\nperiodLength: \"12:00\"\nperiods: {1: 30}\n");
        Path feed = feed(List.of(start(), dunk("7", "8:11", "2 - 0")), GAME);
        assertThat(run("--format", "nba-pbp", feed.toString(), "--sync", sync.toString(), "--out", out.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(stderr.toString())
                .startsWith("warning: 1 event(s) in period 1 are past the last sync point of the"
                        + " period, period 1 clock 12:00 at video 0:00:30 (" + sync + ":4:14)");
    }

    /** Runs a failing import over an existing output file: the error line, exit 2, and the old file untouched. */
    private void assertFails(List<String> args, String error) throws Exception {
        Files.writeString(out, "the previous import");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--sync", sync.toString(), "--out", out.toString()));
        assertThat(run(all.toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr.toString()).startsWith(error).hasLineCount(1);
        assertThat(stdout.toString()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("the previous import");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** {@code ./hookline import ARGS}. */
    private int run(String... args) {
        List<String> command = new ArrayList<>(List.of("import"));
        command.addAll(List.of(args));
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(command.toArray(String[]::new));
    }

    private Path feed(List<Map<String, String>> rows, String gameId) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : HEADER) {
                cells.add(column.equals("GAME_ID") ? gameId : row.getOrDefault(column, ""));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return write("game.csv", csv.toString());
    }

    private static Map<String, String> start() {
        return row("0", 12, "12:00", Map.of());
    }

    /** A visiting player's dunk, assisted by nobody, with a home player named elsewhere for the teams. */
    private static Map<String, String> dunk(String eventNum, String clock, String score) {
        return row(
                eventNum,
                1,
                clock,
                Map.of(
                        "EVENTMSGACTIONTYPE",
                        "7",
                        "VISITORDESCRIPTION",
                        "Drummond  Dunk (2 PTS)",
                        "SCORE",
                        score,
                        "PERSON1TYPE",
                        "5.0",
                        "PLAYER1_NAME",
                        "Andre Drummond",
                        "PLAYER1_TEAM_ABBREVIATION",
                        "DET",
                        "PERSON3TYPE",
                        "4.0",
                        "PLAYER3_TEAM_ABBREVIATION",
                        "ATL"));
    }

    private static Map<String, String> row(String eventNum, int type, String clock, Map<String, String> more) {
        Map<String, String> row = new LinkedHashMap<>(more);
        row.put("EVENTNUM", eventNum);
        row.put("EVENTMSGTYPE", String.valueOf(type));
        row.putIfAbsent("EVENTMSGACTIONTYPE", "0");
        row.put("PERIOD", "1");
        row.put("PCTIMESTRING", clock);
        return row;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<FeedRecord> read(Path file) throws Exception {
        List<FeedRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                FeedReader reader = FeedReader.open(in, file.getFileName().toString())) {
            for (FeedRecord r = reader.next(); r != null; r = reader.next()) {
                assertThat(r.getError()).isNull();
                records.add(r);
            }
        }
        return records;
    }
}

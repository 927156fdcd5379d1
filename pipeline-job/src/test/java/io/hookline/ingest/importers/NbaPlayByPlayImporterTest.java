package io.hookline.ingest.importers;

import static io.hookline.testing.Imports.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.sync.ClockText;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.testing.Fixtures;
import io.hookline.testing.Imports;
import io.hookline.testing.RealData;
import io.hookline.testing.RealDataLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NBA stats play-by-play: a game written for the tests (src/test/resources/feeds/nba-pbp) and, where the checkout
 * has them, the six real games of ../shared/realdata/nba-pbp, checked against PROVENANCE.md and their own rows.
 */
class NbaPlayByPlayImporterTest {
    private static final long QUARTER_MS = 720_000;
    /** The sync file below gives each quarter 24 minutes of video: the clock runs at half speed. */
    private static final long VIDEO_PER_QUARTER_MS = 2 * QUARTER_MS;

    private static final long FIRST_QUARTER_AT_MS = 30_000;
    private static final long QUARTER_EVERY_MS = 30 * 60_000;

    /** The fixture game, four quarters in 36 rows: RDG win 14-13 at HBR with a three at 0:01. */
    static final String FIXTURE = "feeds/nba-pbp/0029900077.csv";

    /** Visitor at home, the final score (visitor-home), dunks and made 3-pointers where known. */
    record Game(
            String id,
            Path file,
            String visitor,
            String home,
            int visitorPoints,
            int homePoints,
            Integer dunks,
            Integer threes) {
        @Override
        public String toString() {
            return id + " " + visitor + "@" + home;
        }
    }

    /** The fixture game, then the real ones this checkout has (PROVENANCE.md gives their figures). */
    static Stream<Game> games() {
        Stream<Game> real = Stream.of(
                        real("0021500001", "DET", "ATL", 106, 94, 7, 20),
                        real("0021500438", "CLE", "GSW", 83, 89, null, null),
                        real("0021500524", "GSW", "LAL", 109, 88, null, null),
                        real("0021500592", "LAL", "GSW", 98, 116, 12, null),
                        real("0021500622", "GSW", "CLE", 132, 98, null, 26),
                        real("0021500652", "IND", "GSW", 110, 122, null, null))
                .flatMap(Optional::stream);
        return Stream.concat(
                Stream.of(new Game("0029900077", Fixtures.file(FIXTURE), "RDG", "HBR", 14, 13, 3, 4)), real);
    }

    private static Optional<Game> real(
            String id, String visitor, String home, int visitorPoints, int homePoints, Integer dunks, Integer threes) {
        return RealData.find("nba-pbp/" + id + ".csv")
                .map(file -> new Game(id, file, visitor, home, visitorPoints, homePoints, dunks, threes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void everyRowIsImportedOrDroppedWithAReason(Game game) throws Exception {
        ImportResult r = importGame(game);
        Imports.assertReconciles(r, Imports.csvRows(file(game)));
        assertThat(r.dropped())
                .allSatisfy(
                        d -> assertThat(d.reason())
                                .matches(
                                        "EVENTMSGTYPE (7 \\(violation\\)|11 \\(ejection\\)|18 \\(instant replay\\)) has no event type"));
        // Every quarter ends with a sync point, so nothing was extrapolated.
        assertThat(r.warnings()).isEmpty();
        assertThat(r.events()).allSatisfy(e -> assertThat(e.getMatchId()).isEqualTo(game.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void theTeamsAndTheFinalScoreAreRight(Game game) throws Exception {
        ImportResult r = importGame(game);
        assertThat(r.notes()).contains("home " + game.home() + ", away " + game.visitor());
        assertThat(r.events().get(r.events().size() - 1).getScore())
                .isEqualTo(new Score(game.homePoints(), game.visitorPoints()));
        for (MatchEvent e : r.events()) {
            if (e.getTeam() != null) {
                assertThat(e.getAttributes().get("teamName"))
                        .isEqualTo(e.getTeam().equals("home") ? game.home() : game.visitor());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void dunksThreesAndBlocksComeWithTheirPeriodClockRunningScoreAndVideoTime(Game game) throws Exception {
        ImportResult r = importGame(game);
        List<RawRow> raw = RawRow.read(file(game));
        List<RawRow> dunks =
                filter(raw, row -> row.type() == 1 && row.description().contains("Dunk"));
        List<RawRow> threes =
                filter(raw, row -> row.type() == 1 && row.description().contains("3PT"));
        List<RawRow> blocks = filter(raw, row -> row.description().contains(" BLOCK ("));
        if (game.dunks() != null) {
            assertThat(dunks).hasSize(game.dunks());
        }
        if (game.threes() != null) {
            assertThat(threes).hasSize(game.threes());
        }
        assertThat(blocks).isNotEmpty();
        assertSameAsRows(ofType(r, "DUNK"), dunks, "");
        assertSameAsRows(ofType(r, "THREE_POINTER"), threes, "");
        assertSameAsRows(ofType(r, "BLOCK"), blocks, "-block");
    }

    @Test
    void theFixturesPlaysReadAsTheyHappened() throws Exception {
        ImportResult r = importGame(games().findFirst().orElseThrow());
        Map<String, MatchEvent> byId = new HashMap<>();
        r.events().forEach(e -> byId.put(e.getEventId(), e));
        // "Marsh  Dunk (2 PTS) (Dunn 1 AST)" at 11:24 of the first quarter: the first points, for the home side.
        MatchEvent dunk = byId.get("4");
        assertThat(dunk.getType()).isEqualTo("DUNK");
        assertThat(dunk.getPeriod()).isEqualTo(1);
        assertThat(dunk.getGameClockMs()).isEqualTo(ClockText.parseMs("11:24"));
        assertThat(dunk.getTeam()).isEqualTo("home");
        assertThat(dunk.getPlayers()).containsExactly("Theo Marsh", "Iker Dunn");
        assertThat(dunk.getScore()).isEqualTo(new Score(2, 0));
        assertThat(dunk.getAttributes())
                .containsEntry("assist", "Iker Dunn")
                .containsEntry("providerType", "1")
                .containsEntry("providerSubtype", "7")
                .containsEntry("provider", "nba-pbp");
        // Avery (home) blocks Kent's layup at 11:30: the shot is a SHOT of the visitors, the block a BLOCK.
        assertThat(byId.get("2").getType()).isEqualTo("SHOT");
        assertThat(byId.get("2").getTeam()).isEqualTo("away");
        assertThat(byId.get("2").getAttributes())
                .containsEntry("outcome", "blocked")
                .containsEntry("attempt", "LAYUP");
        MatchEvent block = byId.get("2-block");
        assertThat(block.getType()).isEqualTo("BLOCK");
        assertThat(block.getTeam()).isEqualTo("home");
        assertThat(block.getPlayers()).containsExactly("Sol Avery", "Ravi Kent");
        assertThat(block.getDescription()).isEqualTo("Avery BLOCK (1 BLK)");
        assertThat(block.getVideoTimeMs()).isEqualTo(FIRST_QUARTER_AT_MS + 2 * ClockText.parseMs("0:30"));
        // "Marsh STEAL (1 STL)" on Pike's bad pass; Dunn's travel has no steal.
        assertThat(byId.get("5").getType()).isEqualTo("TURNOVER");
        assertThat(byId.get("5-steal").getPlayers()).containsExactly("Theo Marsh", "Jonah Pike");
        assertThat(byId).containsKey("26").doesNotContainKey("26-steal");
        // The free throws: one made, one missed; the violation and the replay review are dropped.
        assertThat(byId.get("8").getAttributes()).containsEntry("outcome", "made");
        assertThat(byId.get("9").getAttributes()).containsEntry("outcome", "missed");
        assertThat(r.dropped()).hasSize(2);
        // Kent's three at 0:01 of the fourth wins it for the visitors.
        assertThat(byId.get("34").getType()).isEqualTo("THREE_POINTER");
        assertThat(byId.get("34").getScore()).isEqualTo(new Score(13, 14));
    }

    @Test
    @RealDataLayer
    void theOpeningNightPlaysReadAsTheyHappened() throws Exception {
        ImportResult r = importGame(
                new Game("0021500001", RealData.file("nba-pbp/0021500001.csv"), "DET", "ATL", 106, 94, 7, 20));
        Map<String, MatchEvent> byId = new HashMap<>();
        r.events().forEach(e -> byId.put(e.getEventId(), e));
        // "Drummond  Dunk (2 PTS) (Ilyasova 2 AST)" at 8:11 of the first quarter: DET (visitors) lead 10-6.
        MatchEvent dunk = byId.get("33");
        assertThat(dunk.getType()).isEqualTo("DUNK");
        assertThat(dunk.getPeriod()).isEqualTo(1);
        assertThat(dunk.getGameClockMs()).isEqualTo(ClockText.parseMs("8:11"));
        assertThat(dunk.getTeam()).isEqualTo("away");
        assertThat(dunk.getPlayers()).containsExactly("Andre Drummond", "Ersan Ilyasova");
        assertThat(dunk.getScore()).isEqualTo(new Score(6, 10));
        assertThat(dunk.getAttributes())
                .containsEntry("assist", "Ersan Ilyasova")
                .containsEntry("providerType", "1")
                .containsEntry("providerSubtype", "7")
                .containsEntry("provider", "nba-pbp");
        // The first play: Horford (home) blocks Drummond's layup at 11:41; the shot is a SHOT, the block a BLOCK.
        assertThat(byId.get("2").getType()).isEqualTo("SHOT");
        assertThat(byId.get("2").getAttributes())
                .containsEntry("outcome", "blocked")
                .containsEntry("attempt", "LAYUP");
        MatchEvent block = byId.get("2-block");
        assertThat(block.getType()).isEqualTo("BLOCK");
        assertThat(block.getTeam()).isEqualTo("home");
        assertThat(block.getPlayers()).containsExactly("Al Horford", "Andre Drummond");
        assertThat(block.getDescription()).isEqualTo("Horford BLOCK (1 BLK)");
        assertThat(block.getScore()).isEqualTo(new Score(0, 0));
        assertThat(block.getVideoTimeMs()).isEqualTo(FIRST_QUARTER_AT_MS + 2 * ClockText.parseMs("0:19"));
        // "Drummond STEAL (1 STL)" on Teague's lost ball.
        assertThat(byId.get("42-steal").getPlayers()).containsExactly("Andre Drummond", "Jeff Teague");
        assertThat(byId.get("42").getType()).isEqualTo("TURNOVER");
        // "Jackson 24' 3PT Running Pull-Up Jump Shot (3 PTS)": 8-4 to the visitors.
        assertThat(byId.get("22").getType()).isEqualTo("THREE_POINTER");
        assertThat(byId.get("22").getScore()).isEqualTo(new Score(4, 8));
    }

    private static void assertSameAsRows(List<MatchEvent> events, List<RawRow> rows, String idSuffix) {
        assertThat(events)
                .extracting(MatchEvent::getEventId)
                .containsExactlyElementsOf(
                        rows.stream().map(row -> row.eventNum() + idSuffix).toList());
        for (int i = 0; i < rows.size(); i++) {
            MatchEvent e = events.get(i);
            RawRow row = rows.get(i);
            assertThat(e.getPeriod()).as(e.getEventId()).isEqualTo(row.period());
            assertThat(e.getGameClockMs()).as(e.getEventId()).isEqualTo(row.clockMs());
            assertThat(e.getScore()).as(e.getEventId()).isEqualTo(row.runningScore());
            assertThat(e.getVideoTimeMs())
                    .as(e.getEventId())
                    .isEqualTo(FIRST_QUARTER_AT_MS
                            + (row.period() - 1) * QUARTER_EVERY_MS
                            + (QUARTER_MS - row.clockMs()) * VIDEO_PER_QUARTER_MS / QUARTER_MS);
        }
    }

    private static List<RawRow> filter(List<RawRow> rows, Predicate<RawRow> keep) {
        return rows.stream().filter(keep).toList();
    }

    private static ImportResult importGame(Game game) throws Exception {
        StringBuilder yaml = new StringBuilder(
                "matchId: " + game.id() + "\nclock: countdown\nperiodLength: \"12:00\"\n" + "periods:\n");
        for (int q = 1; q <= 4; q++) {
            yaml.append("  ").append(q).append(": ").append(start(q) / 1000).append('\n');
        }
        yaml.append("sync:\n");
        for (int q = 1; q <= 4; q++) {
            yaml.append("  - {period: ")
                    .append(q)
                    .append(", clock: \"0:00\", video: ")
                    .append((start(q) + VIDEO_PER_QUARTER_MS) / 1000)
                    .append("}\n");
        }
        return new NbaPlayByPlayImporter().read(List.of(file(game)), Imports.sync(yaml.toString()));
    }

    private static long start(int quarter) {
        return FIRST_QUARTER_AT_MS + (quarter - 1) * QUARTER_EVERY_MS;
    }

    private static Path file(Game game) {
        return game.file();
    }

    /**
     * A row as the test reads it, independently of the importer: these files have no quoted cells, so a split on
     * commas is enough. The running score is the last SCORE at or before the row ("visitor - home").
     */
    private record RawRow(String eventNum, int type, int period, long clockMs, String description, Score runningScore) {

        static List<RawRow> read(Path file) throws Exception {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            List<RawRow> rows = new ArrayList<>();
            Score score = new Score(0, 0);
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line).doesNotContain("\"");
                String[] cells = line.split(",", -1);
                String scoreText = cells[header.indexOf("SCORE")];
                if (!scoreText.isEmpty()) {
                    String[] sides = scoreText.split(" - ");
                    score = new Score(Integer.parseInt(sides[1]), Integer.parseInt(sides[0]));
                }
                String[] clock = cells[header.indexOf("PCTIMESTRING")].split(":");
                rows.add(new RawRow(
                        cells[header.indexOf("EVENTNUM")],
                        Integer.parseInt(cells[header.indexOf("EVENTMSGTYPE")]),
                        Integer.parseInt(cells[header.indexOf("PERIOD")]),
                        (Long.parseLong(clock[0]) * 60 + Long.parseLong(clock[1])) * 1000,
                        cells[header.indexOf("HOMEDESCRIPTION")] + " | " + cells[header.indexOf("VISITORDESCRIPTION")],
                        score));
            }
            return rows;
        }
    }
}

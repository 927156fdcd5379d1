package io.hookline.ingest.importers;

import static io.hookline.testing.Imports.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.testing.Fixtures;
import io.hookline.testing.Imports;
import io.hookline.testing.RealData;
import io.hookline.testing.RealDataLayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metrica Sports' event data, as CSV and as JSON with its EPTS metadata XML: two games written for the tests
 * (src/test/resources/feeds/metrica) and, where the checkout has them, the three real games of
 * ../shared/realdata/metrica, checked against PROVENANCE.md.
 */
class MetricaImporterTest {
    private static final long FIRST_HALF_AT_MS = 60_000;
    private static final long SECOND_HALF_AT_MS = 3_600_000;

    /**
     * A game: its events file, the times of its goals (PROVENANCE.md) and of each half's first event, its
     * kick-off, in seconds of the recording.
     */
    record Game(Path file, List<Double> goals, double firstKickOff, double secondKickOff) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    /** The two fixture games, then the real ones this checkout has. */
    static Stream<Game> games() {
        Stream<Game> fixtures = Stream.of(
                new Game(fixture("Fixture_Game_RawEventsData.csv"), List.of(104.04, 3000.04, 3200.0), 2.04, 2800.04),
                new Game(fixture("Fixture_Game_events.json"), List.of(900.5, 3100.24), 5.2, 2900.0));
        Stream<Game> real = Stream.of(
                        real("Sample_Game_1_RawEventsData.csv", List.of(91.56, 3600.2, 3961.28), 0.04, 2885.4),
                        real(
                                "Sample_Game_2_RawEventsData.csv",
                                List.of(488.08, 2121.96, 2959.32, 4600.36, 4841.08),
                                2.04,
                                2719.68),
                        real("Sample_Game_3_events.json", List.of(1101.0, 3230.44), 14.44, 2803.6))
                .flatMap(Optional::stream);
        return Stream.concat(fixtures, real);
    }

    private static Optional<Game> real(String file, List<Double> goals, double firstKickOff, double secondKickOff) {
        return RealData.find("metrica/" + file).map(path -> new Game(path, goals, firstKickOff, secondKickOff));
    }

    private static Path fixture(String file) {
        return Fixtures.file("feeds/metrica/" + file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void everyGoalIsFoundAndPlacedFromItsHalfsKickOff(Game game) throws Exception {
        ImportResult r = importGame(game.file());
        List<MatchEvent> goals = ofType(r, "GOAL");
        assertThat(goals)
                .extracting(g -> Double.parseDouble(g.getAttributes().get("providerTime")))
                .containsExactlyElementsOf(game.goals());
        for (MatchEvent g : goals) {
            long recordingMs = Math.round(Double.parseDouble(g.getAttributes().get("providerTime")) * 1000);
            long kickOffMs = Math.round((g.getPeriod() == 1 ? game.firstKickOff() : game.secondKickOff()) * 1000);
            assertThat(g.getVideoTimeMs())
                    .isEqualTo((g.getPeriod() == 1 ? FIRST_HALF_AT_MS : SECOND_HALF_AT_MS) + recordingMs - kickOffMs);
            assertThat(g.getGameClockMs()).isEqualTo((g.getPeriod() - 1) * 45 * 60_000L + recordingMs - kickOffMs);
            assertThat(g.getPlayers()).hasSize(1);
            assertThat(g.getAttributes()).containsEntry("outcome", "goal").containsEntry("providerType", "SHOT");
        }
        // The running score ends with every goal counted for its side.
        Score last = r.events().get(r.events().size() - 1).getScore();
        assertThat(last.getHome() + last.getAway()).isEqualTo(game.goals().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void everyRowIsImportedOrDroppedWithAReasonAndLocationsAreOnThePitch(Game game) throws Exception {
        ImportResult r = importGame(game.file());
        Path file = game.file();
        long rows = file.toString().endsWith(".csv")
                ? Imports.csvRows(file)
                : new ObjectMapper().readTree(file.toFile()).get("data").size();
        Imports.assertReconciles(r, rows);
        assertThat(r.dropped()).allSatisfy(d -> assertThat(d.reason()).matches("Metrica type '.*' is not imported"));
        assertThat(r.events()).allSatisfy(e -> {
            if (e.getLocation() != null) {
                assertThat(e.getLocation().getX()).isBetween(0.0, 1.0);
                assertThat(e.getLocation().getY()).isBetween(0.0, 1.0);
            }
        });
        assertThat(ofType(r, "SET_PIECE")).isNotEmpty();
        assertThat(ofType(r, "CARD"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.getAttributes()).containsKey("card"));
    }

    @Test
    void theFixtureCsvSaysWhoIsAtHomeAndWhoScored() throws Exception {
        ImportResult r = importGame(fixture("Fixture_Game_RawEventsData.csv"));
        assertThat(r.notes()).contains("home Home, away Away");
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getTeam).containsExactly("home", "home", "away");
        assertThat(ofType(r, "GOAL"))
                .extracting(g -> g.getPlayers().get(0))
                .containsExactly("Player9", "Player10", "Player21");
        assertThat(ofType(r, "GOAL"))
                .extracting(MatchEvent::getScore)
                .containsExactly(new Score(1, 0), new Score(2, 0), new Score(2, 1));
        assertThat(ofType(r, "SHOT"))
                .extracting(s -> s.getAttributes().get("outcome"))
                .containsExactly("saved", "off target");
        assertThat(ofType(r, "CARD"))
                .extracting(c -> c.getAttributes().get("card"))
                .containsExactly("YELLOW", "RED");
        assertThat(r.dropped())
                .extracting(DroppedRow::reason)
                .containsExactly(
                        "Metrica type 'PASS' is not imported",
                        "Metrica type 'RECOVERY' is not imported",
                        "Metrica type 'BALL LOST' is not imported",
                        "Metrica type 'FAULT RECEIVED' is not imported");
    }

    @Test
    void theFixtureJsonsMetadataSaysWhoIsAtHomeAndItsFinalScoreMatchesTheGoals() throws Exception {
        ImportResult r = new MetricaImporter()
                .read(
                        List.of(fixture("Fixture_Game_events.json"), fixture("Fixture_Game_metadata.xml")),
                        Imports.sync(SYNC));
        assertThat(r.notes()).contains("home Team North, away Team South");
        assertThat(r.warnings()).isEmpty();
        List<MatchEvent> goals = ofType(r, "GOAL");
        assertThat(goals).extracting(g -> g.getPlayers().get(0)).containsExactly("Player 31", "Player 9");
        assertThat(goals).extracting(MatchEvent::getScore).containsExactly(new Score(0, 1), new Score(1, 1));
        assertThat(goals.get(1).getAttributes()).containsEntry("providerSubtype", "HEAD-ON TARGET-GOAL");
    }

    @Test
    @RealDataLayer
    void theCsvSaysWhoIsAtHome() throws Exception {
        ImportResult r = importGame(RealData.file("metrica/Sample_Game_1_RawEventsData.csv"));
        assertThat(r.notes()).contains("home Home, away Away");
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getTeam).containsExactly("home", "home", "home");
        assertThat(ofType(r, "GOAL"))
                .extracting(g -> g.getPlayers().get(0))
                .containsExactly("Player9", "Player10", "Player9");
    }

    @Test
    @RealDataLayer
    void theJsonsMetadataSaysWhoIsAtHomeAndItsFinalScoreMatchesTheGoals() throws Exception {
        ImportResult r = new MetricaImporter()
                .read(
                        List.of(
                                RealData.file("metrica/Sample_Game_3_events.json"),
                                RealData.file("metrica/Sample_Game_3_metadata.xml")),
                        Imports.sync(SYNC));
        assertThat(r.notes()).contains("home Team A, away Team B");
        assertThat(r.warnings()).isEmpty();
        List<MatchEvent> goals = ofType(r, "GOAL");
        assertThat(goals).extracting(g -> g.getPlayers().get(0)).containsExactly("Player 27", "Player 22");
        // LocalTeamScore 0, VisitingTeamScore 2.
        assertThat(goals).extracting(MatchEvent::getScore).containsExactly(new Score(0, 1), new Score(0, 2));
    }

    private static final String SYNC =
            "matchId: metrica-sample\nclock: running\nperiods:\n  1: \"0:01:00\"\n" + "  2: \"1:00:00\"\n";

    private static ImportResult importGame(Path file) throws Exception {
        return new MetricaImporter().read(List.of(file), Imports.sync(SYNC));
    }
}

package io.hookline.ingest.importers;

import static io.hookline.ingest.importers.Imports.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.testing.RealData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three real Metrica games of ../shared/realdata/metrica, checked against PROVENANCE.md. */
class MetricaImporterTest {
    private static final long FIRST_HALF_AT_MS = 60_000;
    private static final long SECOND_HALF_AT_MS = 3_600_000;

    /**
     * A game: its events file, the times of its goals (PROVENANCE.md) and of each half's first event, its
     * kick-off, in seconds of the recording.
     */
    record Game(String file, List<Double> goals, double firstKickOff, double secondKickOff) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Game> games() {
        return Stream.of(
                new Game("Sample_Game_1_RawEventsData.csv", List.of(91.56, 3600.2, 3961.28), 0.04, 2885.4),
                new Game("Sample_Game_2_RawEventsData.csv", List.of(488.08, 2121.96, 2959.32, 4600.36, 4841.08), 2.04,
                        2719.68),
                new Game("Sample_Game_3_events.json", List.of(1101.0, 3230.44), 14.44, 2803.6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void everyGoalIsFoundAndPlacedFromItsHalfsKickOff(Game game) throws Exception {
        ImportResult r = importGame(game.file());
        List<MatchEvent> goals = ofType(r, "GOAL");
        assertThat(goals).extracting(g -> Double.parseDouble(g.getAttributes().get("providerTime")))
                .containsExactlyElementsOf(game.goals());
        for (MatchEvent g : goals) {
            long recordingMs = Math.round(Double.parseDouble(g.getAttributes().get("providerTime")) * 1000);
            long kickOffMs = Math.round((g.getPeriod() == 1 ? game.firstKickOff() : game.secondKickOff()) * 1000);
            assertThat(g.getVideoTimeMs()).isEqualTo((g.getPeriod() == 1 ? FIRST_HALF_AT_MS : SECOND_HALF_AT_MS)
                    + recordingMs - kickOffMs);
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
        Path file = RealData.file("metrica/" + game.file());
        long rows = game.file().endsWith(".csv") ? Imports.csvRows(file)
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
        assertThat(ofType(r, "CARD")).isNotEmpty().allSatisfy(c -> assertThat(c.getAttributes()).containsKey("card"));
    }

    @Test
    void theCsvSaysWhoIsAtHome() throws Exception {
        ImportResult r = importGame("Sample_Game_1_RawEventsData.csv");
        assertThat(r.notes()).contains("home Home, away Away");
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getTeam).containsExactly("home", "home", "home");
        assertThat(ofType(r, "GOAL")).extracting(g -> g.getPlayers().get(0)).containsExactly("Player9", "Player10",
                "Player9");
    }

    @Test
    void theJsonsMetadataSaysWhoIsAtHomeAndItsFinalScoreMatchesTheGoals() throws Exception {
        ImportResult r = new MetricaImporter().read(List.of(RealData.file("metrica/Sample_Game_3_events.json"),
                RealData.file("metrica/Sample_Game_3_metadata.xml")), Imports.sync(SYNC));
        assertThat(r.notes()).contains("home Team A, away Team B");
        assertThat(r.warnings()).isEmpty();
        List<MatchEvent> goals = ofType(r, "GOAL");
        assertThat(goals).extracting(g -> g.getPlayers().get(0)).containsExactly("Player 27", "Player 22");
        // LocalTeamScore 0, VisitingTeamScore 2.
        assertThat(goals).extracting(MatchEvent::getScore).containsExactly(new Score(0, 1), new Score(0, 2));
    }

    private static final String SYNC = "matchId: metrica-sample\nclock: running\nperiods:\n  1: \"0:01:00\"\n"
            + "  2: \"1:00:00\"\n";

    private static ImportResult importGame(String file) throws Exception {
        return new MetricaImporter().read(List.of(RealData.file("metrica/" + file)), Imports.sync(SYNC));
    }
}

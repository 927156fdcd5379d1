package io.hookline.ingest.importers;

import static io.hookline.ingest.importers.Imports.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.ingest.sync.ClockText;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.testing.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two real StatsBomb matches of ../shared/realdata/statsbomb, checked against PROVENANCE.md. */
class StatsBombImporterTest {
    private static final long FIRST_HALF_AT_MS = ClockText.parseMs("0:05:00");
    private static final long SECOND_HALF_AT_MS = ClockText.parseMs("1:05:00");

    /** A goal as PROVENANCE.md lists it: scorer, period and timestamp since the period started. */
    record Goal(String player, int period, String timestamp) {}

    @Test
    void barcelonaGironaHasItsFourGoalsWithScorerAndTime() throws Exception {
        ImportResult r = importMatch("15986", true);
        assertGoals(ofType(r, "GOAL"), List.of(new Goal("Messi", 1, "18:21.121"), new Goal("Stuani", 1, "44:29.908"),
                new Goal("Stuani", 2, "05:18.479"), new Goal("Pique", 2, "17:11.272")));
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getScore).containsExactly(new Score(1, 0), new Score(1, 1),
                new Score(1, 2), new Score(2, 2));
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getTeam).containsExactly("home", "away", "away", "home");
        assertThat(r.notes()).contains("home Barcelona, away Girona");
        // The lineup gives common names; the key pass gives the assist.
        assertThat(ofType(r, "GOAL").get(0).getPlayers()).containsExactly("Lionel Messi", "Arturo Vidal");
        assertThat(ofType(r, "GOAL").get(0).getAttributes()).containsEntry("outcome", "Goal")
                .containsEntry("providerType", "Shot").containsEntry("jersey", "10").containsKey("xg");
        assertThat(lastScore(r)).isEqualTo(new Score(2, 2));
        // Lenglet's red card among the cards.
        assertThat(ofType(r, "CARD")).anySatisfy(c -> {
            assertThat(c.getPlayers()).containsExactly("Clément Lenglet");
            assertThat(c.getAttributes()).containsEntry("card", "Red Card");
        });
    }

    @Test
    void turkeyItalyOwnGoalScoresForItalyAndTheGoalsFollow() throws Exception {
        ImportResult r = importMatch("3788741", true);
        List<MatchEvent> own = ofType(r, "OWN_GOAL");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).getPlayers()).containsExactly("Merih Demiral");
        assertThat(own.get(0).getTeam()).isEqualTo("home");
        assertThat(own.get(0).getScore()).isEqualTo(new Score(0, 1));
        // Its "Own Goal For" twin is dropped, saying why.
        assertThat(r.dropped()).filteredOn(d -> d.reason().startsWith("Own Goal For")).hasSize(1);
        assertGoals(ofType(r, "GOAL"), List.of(new Goal("Immobile", 2, "20:33.192"), new Goal("Insigne", 2, "33:30.395")));
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getScore).containsExactly(new Score(0, 2), new Score(0, 3));
        assertThat(r.notes()).contains("home Turkey, away Italy");
        assertThat(lastScore(r)).isEqualTo(new Score(0, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15986", "3788741"})
    void everyEventIsImportedOrDroppedWithAReasonAndLocationsAreOnThePitch(String match) throws Exception {
        ImportResult r = importMatch(match, true);
        int inFile = new ObjectMapper().readTree(events(match).toFile()).size();
        Imports.assertReconciles(r, inFile);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.events()).allSatisfy(e -> {
            assertThat(e.getAttributes()).containsEntry("provider", "statsbomb").containsKey("providerType");
            if (e.getLocation() != null) {
                assertThat(e.getLocation().getX()).isBetween(0.0, 1.0);
                assertThat(e.getLocation().getY()).isBetween(0.0, 1.0);
            }
        });
        // Goals are scored at the far end: StatsBomb's x points the acting team's way.
        assertThat(ofType(r, "GOAL")).allSatisfy(g -> assertThat(g.getLocation().getX()).isGreaterThan(0.8));
        assertThat(ofType(r, "PERIOD_START")).extracting(MatchEvent::getVideoTimeMs)
                .containsExactly(FIRST_HALF_AT_MS, SECOND_HALF_AT_MS);
    }

    @Test
    void withoutItsLineupPlayersKeepTheirRegisteredNames() throws Exception {
        ImportResult r = importMatch("15986", false);
        assertThat(ofType(r, "GOAL").get(0).getPlayers()).containsExactly("Lionel Andrés Messi Cuccittini",
                "Arturo Erasmo Vidal Pardo");
        assertThat(r.notes()).contains("no lineup file: players keep their full registered names");
    }

    @Test
    void aFeedForAnotherMatchIsRefusedNamingTheFile() {
        Path events = events("15986");
        assertThatThrownBy(() -> new StatsBombImporter().read(List.of(events), Imports.sync(sync("3788741"))))
                .isInstanceOf(ImportException.class)
                .hasMessage("statsbomb_15986_event.json:1: the file name says match 15986 but the sync file's matchId"
                        + " is 3788741 (sync.yaml:1:10): is this the right sync file?");
    }

    @Test
    void aLineupOfOtherTeamsIsRefused(@TempDir Path dir) throws Exception {
        // A copy without the match id in its name, so that only its teams give it away.
        Path lineup = Files.copy(RealData.file("statsbomb/statsbomb_3788741_lineup.json"), dir.resolve("lineup.json"));
        assertThatThrownBy(() -> new StatsBombImporter().read(List.of(events("15986"), lineup),
                Imports.sync(sync("15986"))))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("lineup.json:1: the lineup's team Italy does not play in statsbomb_15986_event.json");
    }

    private static void assertGoals(List<MatchEvent> goals, List<Goal> expected) {
        assertThat(goals).hasSameSizeAs(expected);
        for (int i = 0; i < goals.size(); i++) {
            MatchEvent g = goals.get(i);
            Goal want = expected.get(i);
            long sincePeriodStart = ClockText.parseMs(want.timestamp());
            assertThat(plain(g.getPlayers().get(0))).contains(want.player());
            assertThat(g.getPeriod()).isEqualTo(want.period());
            assertThat(g.getGameClockMs()).isEqualTo((want.period() - 1) * 45 * 60_000L + sincePeriodStart);
            assertThat(g.getVideoTimeMs()).isEqualTo((want.period() == 1 ? FIRST_HALF_AT_MS : SECOND_HALF_AT_MS)
                    + sincePeriodStart);
        }
    }

    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static Score lastScore(ImportResult r) {
        return r.events().get(r.events().size() - 1).getScore();
    }

    private static ImportResult importMatch(String match, boolean withLineup) throws Exception {
        List<Path> files = withLineup ? List.of(events(match), RealData.file("statsbomb/statsbomb_" + match + "_lineup.json"))
                : List.of(events(match));
        return new StatsBombImporter().read(files, Imports.sync(sync(match)));
    }

    private static Path events(String match) {
        return RealData.file("statsbomb/statsbomb_" + match + "_event.json");
    }

    private static String sync(String match) {
        return "matchId: \"" + match + "\"\nclock: running\nperiods:\n  1: " + FIRST_HALF_AT_MS / 1000 + "\n  2: "
                + SECOND_HALF_AT_MS / 1000 + "\n";
    }
}

package io.hookline.ingest.importers;

import static io.hookline.testing.Imports.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.ingest.sync.ClockText;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.testing.Fixtures;
import io.hookline.testing.Imports;
import io.hookline.testing.RealData;
import io.hookline.testing.RealDataLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StatsBomb open data: a match written for the tests (src/test/resources/feeds/statsbomb) and, where the checkout
 * has them, the two real matches of ../shared/realdata/statsbomb, checked against PROVENANCE.md.
 */
class StatsBombImporterTest {
    /** The fixture match: Porto Vale 1-2 Cedar United, with an own goal, a save, two cards and a substitution. */
    private static final String FIXTURE = "9090901";

    private static final List<String> REAL = List.of("15986", "3788741");
    private static final long FIRST_HALF_AT_MS = ClockText.parseMs("0:05:00");
    private static final long SECOND_HALF_AT_MS = ClockText.parseMs("1:05:00");

    /** A goal as PROVENANCE.md lists it: scorer, period and timestamp since the period started. */
    record Goal(String player, int period, String timestamp) {}

    @Test
    void theFixturesGoalsOwnGoalCardsAndSubstitutionAreRead() throws Exception {
        ImportResult r = importMatch(FIXTURE, true);
        assertGoals(
                ofType(r, "GOAL"),
                List.of(new Goal("Diogo Lima", 1, "12:04.250"), new Goal("Ezra Blake", 2, "07:45.500")));
        assertThat(ofType(r, "GOAL"))
                .extracting(MatchEvent::getScore)
                .containsExactly(new Score(1, 0), new Score(1, 2));
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getTeam).containsExactly("home", "away");
        assertThat(r.notes()).contains("home Porto Vale, away Cedar United");
        // The lineup gives common names and shirt numbers; the goal assist's pass gives the assist.
        assertThat(ofType(r, "GOAL").get(0).getPlayers()).containsExactly("Diogo Lima", "Bruno Salgado");
        assertThat(ofType(r, "GOAL").get(0).getAttributes())
                .containsEntry("outcome", "Goal")
                .containsEntry("providerType", "Shot")
                .containsEntry("jersey", "9")
                .containsEntry("xg", "0.31")
                .containsEntry("assist", "Bruno Salgado")
                .containsEntry("bodyPart", "Right Foot");
        assertThat(ofType(r, "ASSIST")).extracting(MatchEvent::getPlayers).containsExactly(List.of("Bruno Salgado"));
        // The home defender's own goal levels it for the visitors; its "Own Goal For" twin is dropped, saying why.
        List<MatchEvent> own = ofType(r, "OWN_GOAL");
        assertThat(own).extracting(MatchEvent::getPlayers).containsExactly(List.of("Rui Matos Costa"));
        assertThat(own).extracting(MatchEvent::getTeam).containsExactly("home");
        assertThat(own).extracting(MatchEvent::getScore).containsExactly(new Score(1, 1));
        assertThat(r.dropped())
                .filteredOn(d -> d.reason().startsWith("Own Goal For"))
                .hasSize(1);
        assertThat(ofType(r, "CARD"))
                .extracting(c -> c.getPlayers().get(0) + " " + c.getAttributes().get("card"))
                .containsExactly("Karl Olsen Yellow Card", "Rui Matos Costa Red Card");
        assertThat(r.dropped())
                .filteredOn(d -> d.reason().equals("Bad Behaviour without a card is not imported"))
                .hasSize(1);
        assertThat(ofType(r, "FOUL")).hasSize(1);
        assertThat(ofType(r, "SAVE")).extracting(MatchEvent::getPlayers).containsExactly(List.of("Joao Almeida"));
        assertThat(ofType(r, "SET_PIECE"))
                .extracting(e -> e.getAttributes().get("providerSubtype"))
                .containsExactly("Corner");
        assertThat(ofType(r, "SUBSTITUTION"))
                .extracting(MatchEvent::getPlayers)
                .containsExactly(List.of("Karl Olsen", "Tomas Vik"));
        assertThat(lastScore(r)).isEqualTo(new Score(1, 2));
    }

    @Test
    @RealDataLayer
    void barcelonaGironaHasItsFourGoalsWithScorerAndTime() throws Exception {
        ImportResult r = importMatch("15986", true);
        assertGoals(
                ofType(r, "GOAL"),
                List.of(
                        new Goal("Messi", 1, "18:21.121"),
                        new Goal("Stuani", 1, "44:29.908"),
                        new Goal("Stuani", 2, "05:18.479"),
                        new Goal("Pique", 2, "17:11.272")));
        assertThat(ofType(r, "GOAL"))
                .extracting(MatchEvent::getScore)
                .containsExactly(new Score(1, 0), new Score(1, 1), new Score(1, 2), new Score(2, 2));
        assertThat(ofType(r, "GOAL")).extracting(MatchEvent::getTeam).containsExactly("home", "away", "away", "home");
        assertThat(r.notes()).contains("home Barcelona, away Girona");
        // The lineup gives common names; the key pass gives the assist.
        assertThat(ofType(r, "GOAL").get(0).getPlayers()).containsExactly("Lionel Messi", "Arturo Vidal");
        assertThat(ofType(r, "GOAL").get(0).getAttributes())
                .containsEntry("outcome", "Goal")
                .containsEntry("providerType", "Shot")
                .containsEntry("jersey", "10")
                .containsKey("xg");
        assertThat(lastScore(r)).isEqualTo(new Score(2, 2));
        // Lenglet's red card among the cards.
        assertThat(ofType(r, "CARD")).anySatisfy(c -> {
            assertThat(c.getPlayers()).containsExactly("Clément Lenglet");
            assertThat(c.getAttributes()).containsEntry("card", "Red Card");
        });
    }

    @Test
    @RealDataLayer
    void turkeyItalyOwnGoalScoresForItalyAndTheGoalsFollow() throws Exception {
        ImportResult r = importMatch("3788741", true);
        List<MatchEvent> own = ofType(r, "OWN_GOAL");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).getPlayers()).containsExactly("Merih Demiral");
        assertThat(own.get(0).getTeam()).isEqualTo("home");
        assertThat(own.get(0).getScore()).isEqualTo(new Score(0, 1));
        // Its "Own Goal For" twin is dropped, saying why.
        assertThat(r.dropped())
                .filteredOn(d -> d.reason().startsWith("Own Goal For"))
                .hasSize(1);
        assertGoals(
                ofType(r, "GOAL"), List.of(new Goal("Immobile", 2, "20:33.192"), new Goal("Insigne", 2, "33:30.395")));
        assertThat(ofType(r, "GOAL"))
                .extracting(MatchEvent::getScore)
                .containsExactly(new Score(0, 2), new Score(0, 3));
        assertThat(r.notes()).contains("home Turkey, away Italy");
        assertThat(lastScore(r)).isEqualTo(new Score(0, 3));
    }

    /** The fixture match, then the real ones this checkout has. */
    static Stream<String> matches() {
        return Stream.concat(
                Stream.of(FIXTURE),
                REAL.stream()
                        .filter(m -> RealData.find("statsbomb/statsbomb_" + m + "_event.json")
                                .isPresent()));
    }

    @ParameterizedTest
    @MethodSource("matches")
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
        assertThat(ofType(r, "GOAL"))
                .allSatisfy(g -> assertThat(g.getLocation().getX()).isGreaterThan(0.8));
        assertThat(ofType(r, "PERIOD_START"))
                .extracting(MatchEvent::getVideoTimeMs)
                .containsExactly(FIRST_HALF_AT_MS, SECOND_HALF_AT_MS);
    }

    @Test
    void withoutItsLineupPlayersKeepTheirRegisteredNames() throws Exception {
        ImportResult r = importMatch(FIXTURE, false);
        assertThat(ofType(r, "GOAL").get(0).getPlayers())
                .containsExactly("Diogo Ferreira Lima", "Bruno Salgado Teixeira");
        assertThat(ofType(r, "GOAL").get(0).getAttributes()).doesNotContainKey("jersey");
        assertThat(r.notes()).contains("no lineup file: players keep their full registered names");
    }

    @Test
    @RealDataLayer
    void withoutItsLineupRealPlayersKeepTheirRegisteredNames() throws Exception {
        ImportResult r = importMatch("15986", false);
        assertThat(ofType(r, "GOAL").get(0).getPlayers())
                .containsExactly("Lionel Andrés Messi Cuccittini", "Arturo Erasmo Vidal Pardo");
        assertThat(r.notes()).contains("no lineup file: players keep their full registered names");
    }

    @Test
    void aFeedForAnotherMatchIsRefusedNamingTheFile() {
        Path events = events(FIXTURE);
        assertThatThrownBy(() -> new StatsBombImporter().read(List.of(events), Imports.sync(sync("3788741"))))
                .isInstanceOf(ImportException.class)
                .hasMessage("statsbomb_9090901_event.json:1: the file name says match 9090901 but the sync file's"
                        + " matchId is 3788741 (sync.yaml:1:10): is this the right sync file?");
    }

    @Test
    void aLineupOfOtherTeamsIsRefused(@TempDir Path dir) throws Exception {
        // A lineup without a match id in its name, so that only its teams give it away.
        Path lineup =
                Files.copy(Fixtures.file("feeds/statsbomb/lineup-of-other-teams.json"), dir.resolve("lineup.json"));
        assertThatThrownBy(() ->
                        new StatsBombImporter().read(List.of(events(FIXTURE), lineup), Imports.sync(sync(FIXTURE))))
                .isInstanceOf(ImportException.class)
                .hasMessage("lineup.json:2: the lineup's team Lakeside Rovers does not play in"
                        + " statsbomb_9090901_event.json (Porto Vale, Cedar United)");
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
            assertThat(g.getVideoTimeMs())
                    .isEqualTo((want.period() == 1 ? FIRST_HALF_AT_MS : SECOND_HALF_AT_MS) + sincePeriodStart);
        }
    }

    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static Score lastScore(ImportResult r) {
        return r.events().get(r.events().size() - 1).getScore();
    }

    private static ImportResult importMatch(String match, boolean withLineup) throws Exception {
        List<Path> files = withLineup ? List.of(events(match), file(match, "lineup")) : List.of(events(match));
        return new StatsBombImporter().read(files, Imports.sync(sync(match)));
    }

    private static Path events(String match) {
        return file(match, "event");
    }

    private static Path file(String match, String kind) {
        String name = "statsbomb_" + match + "_" + kind + ".json";
        return match.equals(FIXTURE) ? Fixtures.file("feeds/statsbomb/" + name) : RealData.file("statsbomb/" + name);
    }

    private static String sync(String match) {
        return "matchId: \"" + match + "\"\nclock: running\nperiods:\n  1: " + FIRST_HALF_AT_MS / 1000 + "\n  2: "
                + SECOND_HALF_AT_MS / 1000 + "\n";
    }
}

package io.hookline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.GameState;
import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileLoader;
import io.hookline.testing.RealDataLayer;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The excitement model on imported play-by-play, with the shipped rules: each game-context signal on a play that
 * earned it, an own goal, and NBA sequences grouped into plays. The fixture matches written for the tests run
 * everywhere; the real ones of ../shared/realdata are the extra layer. Event ids are the provider's (NBA
 * EVENTNUM, StatsBomb id).
 */
class ExcitementSignalsTest {
    private static final List<String> NBA_GAMES =
            List.of("0021500001", "0021500438", "0021500524", "0021500592", "0021500622", "0021500652");
    private static HighlightRules rules;

    @BeforeAll
    static void loadShippedRules() throws Exception {
        rules = ProfileLoader.loadBundled().rules();
    }

    @ParameterizedTest(name = "#{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        34 | RDG-HBR 11-13, 0:01 left: Kent's three wins it                | THREE_POINTER 0.80 x lead change 1.25 x clutch 1.30 x buzzer 1.50 | 1.95
        30 | Brandt's layup levels it 11-11 with 9:00 left                 | LAYUP 0.60 x equaliser 1.15                                        | 0.69
        25 | Pike's three levels it 9-9                                    | THREE_POINTER 0.80 x equaliser 1.15                                | 0.92
        19 | Kent's dunk cuts it to 6-7: nothing in the game's context      | DUNK 0.95                                                          | 0.95
        """)
    void eachContextSignalOnAFixturePlay(String eventId, String situation, String explanation, double score)
            throws Exception {
        ScoredEvent scored =
                event(ImportedMatches.score(ImportedMatches.nba(ImportedMatches.NBA_FIXTURE), rules), eventId);

        assertThat(scored.getExplanation()).as(situation).isEqualTo(explanation);
        assertThat(scored.getScore()).as(situation).isCloseTo(score, within(1e-9));
    }

    @Test
    void theFixturesOnlyBuzzerBeaterIsTheThreeAtOneSecondAndInOvertimeItCountsMore() throws Exception {
        List<MatchEvent> events = ImportedMatches.nba(ImportedMatches.NBA_FIXTURE);
        List<ScoredEvent> scored = ImportedMatches.score(events, rules);
        assertThat(scored)
                .filteredOn(e -> e.getExplanation().contains("buzzer"))
                .extracting(e -> e.getEvent().getEventId())
                .containsExactly("34");
        assertThat(scored).extracting(ScoredEvent::getExplanation).noneMatch(x -> x.contains("overtime"));
        // The same three in the first overtime, with a second of its five minutes left.
        MatchEvent three = events.stream()
                .filter(e -> e.getEventId().equals("34"))
                .findFirst()
                .orElseThrow();
        ScoredEvent inOvertime = new EventScorer(rules)
                .score(MatchEvent.newBuilder(three).setPeriod(5).build(), new GameState(new Score(13, 11), null, 0));
        assertThat(inOvertime.getExplanation()).endsWith(" x overtime 1.20");
        assertThat(inOvertime.getScore()).isCloseTo(1.95 * 1.2, within(1e-9));
    }

    @Test
    void theFixturesOwnGoalLevelsItForTheVisitorsAndRanksAmongTheGoals() throws Exception {
        List<ScoredEvent> scored =
                ImportedMatches.score(ImportedMatches.statsBomb(ImportedMatches.STATSBOMB_FIXTURE), rules);
        List<ScoredEvent> ownGoals = scored.stream()
                .filter(e -> e.getEvent().getType().equals("OWN_GOAL"))
                .toList();
        assertThat(ownGoals).hasSize(1);
        ScoredEvent own = ownGoals.get(0);
        // Costa (Porto Vale, at home) puts it in his own net: the score moves for the away side.
        assertThat(own.getEvent().getTeam()).isEqualTo("home");
        assertThat(own.getScoreBefore()).isEqualTo(new Score(1, 0));
        assertThat(own.getEvent().getScore()).isEqualTo(new Score(1, 1));
        assertThat(own.getExplanation()).isEqualTo("OWN_GOAL 0.90 x equaliser 1.15");

        List<Play> plays = new ArrayList<>(ImportedMatches.plays(scored, rules));
        plays.sort(Comparator.comparingDouble(Play::getScore).reversed());
        Play ownGoalPlay = plays.stream()
                .filter(p -> p.getPeakEventId().equals(own.getEvent().getEventId()))
                .findFirst()
                .orElseThrow();
        // The three plays that changed the score lead the match; the saved shot and the miss come after them.
        assertThat(plays.subList(0, 3))
                .extracting(p -> peakType(p))
                .containsExactlyInAnyOrder("OWN_GOAL", "GOAL", "GOAL");
        assertThat(plays.stream().filter(p -> Stream.of("SHOT", "SAVE").anyMatch(peakType(p)::equals)))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getScore()).isLessThan(ownGoalPlay.getScore()));
    }

    @Test
    void theFixturesBlockReboundAndDunkAreOnePlayPeakingOnTheDunk() throws Exception {
        // HBR-RDG, first quarter: Avery blocks Kent's layup (11:30), Dunn rebounds (11:28) and Marsh dunks (11:24).
        // The jump ball before is 30 s earlier, the steal after 44 s later.
        Play play = playOf(ImportedMatches.nba(ImportedMatches.NBA_FIXTURE), "4");

        assertThat(ids(play)).containsExactly("2", "2-block", "3", "4");
        assertThat(play.getEvents())
                .extracting(e -> e.getEvent().getType())
                .containsExactly("SHOT", "BLOCK", "REBOUND", "DUNK");
        assertThat(play.getPeakEventId()).isEqualTo("4");
    }

    @ParameterizedTest(name = "{0} #{1}: {2}")
    @RealDataLayer
    @CsvSource(delimiter = '|', textBlock = """
        0021500438 | 515 | CLE-GSW 77-81, 1:19 left: Curry's layup in a close finish  | LAYUP 0.60 x clutch 1.30                                  | 0.78
        0021500652 | 270 | 0:01 left in the half: Curry's 48-foot bank shot          | THREE_POINTER 0.80 x buzzer 1.50                          | 1.20
        0021500524 | 348 | Curry's three makes it 10 unanswered points               | THREE_POINTER 0.80 x 10-0 run 1.15                        | 0.92
        0021500438 | 15  | Smith's three puts CLE ahead 3-2                          | THREE_POINTER 0.80 x lead change 1.25                     | 1.00
        0021500524 | 43  | Nance Jr.'s alley-oop dunk ties the game 12-12            | DUNK 0.95 x equaliser 1.15                                | 1.0925
        0021500001 | 214 | Caldwell-Pope's three from 39-39 ends an 8-0 run          | THREE_POINTER 0.80 x lead change 1.25 x 8-0 run 1.15      | 1.15
        0021500001 | 110 | Patterson's three ties it 25-25 at the end of a 9-0 run   | THREE_POINTER 0.80 x equaliser 1.15 x 9-0 run 1.15        | 1.058
        0021500622 | 539 | GSW-CLE 132-97 with 1:17 left: a blowout is not clutch    | LAYUP 0.60                                                | 0.60
        """)
    void eachContextSignalOnARealPlay(String game, String eventId, String situation, String explanation, double score)
            throws Exception {
        ScoredEvent scored = event(ImportedMatches.score(ImportedMatches.nba(game), rules), eventId);

        assertThat(scored.getExplanation()).as(situation).isEqualTo(explanation);
        assertThat(scored.getScore()).as(situation).isCloseTo(score, within(1e-9));
    }

    @Test
    @RealDataLayer
    void theBuzzerBeatersOfTheSixGamesAreTheirBasketsWithTwoSecondsOrLessLeft() throws Exception {
        List<String> buzzer = new ArrayList<>();
        for (String game : NBA_GAMES) {
            for (ScoredEvent e : ImportedMatches.score(ImportedMatches.nba(game), rules)) {
                if (e.getExplanation().contains("buzzer")) {
                    buzzer.add(game + " #" + e.getEvent().getEventId() + " "
                            + e.getEvent().getType() + " " + e.getEvent().getGameClockMs() / 1000 + " s");
                }
            }
        }
        // The period-end rows at 0:00 and the misses at the buzzer change no score, so they get nothing.
        assertThat(buzzer)
                .containsExactlyInAnyOrder(
                        "0021500001 #357 LAYUP 1 s",
                        "0021500524 #264 THREE_POINTER 1 s",
                        "0021500592 #530 LAYUP 0 s",
                        "0021500622 #254 LAYUP 2 s",
                        "0021500652 #270 THREE_POINTER 1 s",
                        "0021500652 #414 LAYUP 0 s");
    }

    @Test
    @RealDataLayer
    void overtimeMultipliesEverythingInIt() throws Exception {
        // None of the six real games went to overtime, and nothing in them is scored as if it had.
        for (String game : NBA_GAMES) {
            List<ScoredEvent> scored = ImportedMatches.score(ImportedMatches.nba(game), rules);
            assertThat(scored)
                    .extracting(e -> e.getEvent().getPeriod())
                    .as(game)
                    .allMatch(p -> p <= 4);
            assertThat(scored).extracting(ScoredEvent::getExplanation).as(game).noneMatch(x -> x.contains("overtime"));
        }
        // So Curry's close-finish layup (CLE-GSW, 1:19 left) is played in the first overtime instead: with 1:19 of
        // its five minutes left it is both overtime and clutch.
        List<MatchEvent> events = ImportedMatches.nba("0021500438");
        MatchEvent layup = events.stream()
                .filter(e -> e.getEventId().equals("515"))
                .findFirst()
                .orElseThrow();
        MatchEvent inOvertime = MatchEvent.newBuilder(layup).setPeriod(5).build();

        ScoredEvent scored = new EventScorer(rules).score(inOvertime, new GameState(new Score(81, 77), null, 0));

        assertThat(scored.getExplanation()).isEqualTo("LAYUP 0.60 x clutch 1.30 x overtime 1.20");
        assertThat(scored.getScore()).isCloseTo(0.6 * 1.3 * 1.2, within(1e-9));
    }

    @Test
    @RealDataLayer
    void theTurkeyItalyOwnGoalScoresForItalyAndRanksAsAGoal() throws Exception {
        List<ScoredEvent> scored = ImportedMatches.score(ImportedMatches.statsBomb("3788741"), rules);
        List<ScoredEvent> ownGoals = scored.stream()
                .filter(e -> e.getEvent().getType().equals("OWN_GOAL"))
                .toList();
        assertThat(ownGoals).hasSize(1);
        ScoredEvent own = ownGoals.get(0);
        // Demiral (Turkey, at home) puts it in his own net: the score moves for the away side.
        assertThat(own.getEvent().getTeam()).isEqualTo("home");
        assertThat(own.getEvent().getPlayers()).containsExactly("Merih Demiral");
        assertThat(own.getScoreBefore()).isEqualTo(new Score(0, 0));
        assertThat(own.getEvent().getScore()).isEqualTo(new Score(0, 1));
        assertThat(own.getExplanation()).isEqualTo("OWN_GOAL 0.90 x lead change 1.25");
        assertThat(rules.rule(EventType.OWN_GOAL).weight())
                .isCloseTo(rules.rule(EventType.GOAL).weight(), within(0.1));

        List<Play> plays = new ArrayList<>(ImportedMatches.plays(scored, rules));
        plays.sort(Comparator.comparingDouble(Play::getScore).reversed());
        Play ownGoalPlay = plays.stream()
                .filter(p -> p.getPeakEventId().equals(own.getEvent().getEventId()))
                .findFirst()
                .orElseThrow();
        // The three plays that changed the score lead the match: the own goal and Immobile's and Insigne's goals.
        assertThat(plays.subList(0, 3))
                .extracting(p -> peakType(p))
                .containsExactlyInAnyOrder("OWN_GOAL", "GOAL", "GOAL");
        assertThat(plays.stream().filter(p -> Stream.of("SHOT", "SAVE").anyMatch(peakType(p)::equals)))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getScore()).isLessThan(ownGoalPlay.getScore()));
    }

    @Test
    @RealDataLayer
    void aBlockTheReboundAndTheDunkThatFollowsAreOnePlayPeakingOnTheDunk() throws Exception {
        // LAL-GSW, first quarter: Brown blocks Green's layup (8:25), takes the rebound (8:23) and Nance Jr. finishes
        // with an alley-oop dunk (8:19) that ties the game. The play before ended 9 s earlier, the next starts 12 s
        // later.
        Play play = playOf(ImportedMatches.nba("0021500524"), "43");

        assertThat(ids(play)).containsExactly("41", "41-block", "42", "43");
        assertThat(play.getEvents())
                .extracting(e -> e.getEvent().getType())
                .containsExactly("SHOT", "BLOCK", "REBOUND", "DUNK");
        assertThat(play.getPeakEventId()).isEqualTo("43");
        // The missed layup, the block and the rebound add a fifth of 0.55 + 0.75 + 0.25.
        assertThat(play.getExplanation()).isEqualTo("DUNK 0.95 x equaliser 1.15 + build-up 0.31");
        assertThat(play.getScore()).isCloseTo(0.95 * 1.15 + 0.31, within(1e-9));
    }

    @Test
    @RealDataLayer
    void aMissTheOffensiveReboundAndThePutbackDunkAreOnePlayPeakingOnTheDunk() throws Exception {
        // GSW-LAL, second quarter: Randle misses (1:21), Clarkson rebounds and dunks it back (1:20) to tie at 47.
        Play play = playOf(ImportedMatches.nba("0021500592"), "263");

        // The rebound and the dunk share the second 1:20, so their order within the play is not the point.
        assertThat(ids(play)).containsExactlyInAnyOrder("262", "263", "264");
        assertThat(play.getPeakEventId()).isEqualTo("263");
        assertThat(event(play.getEvents(), "263").getEvent().getDescription())
                .isEqualTo("Clarkson  Putback Dunk (10 PTS)");
        assertThat(play.getExplanation()).isEqualTo("DUNK 0.95 x equaliser 1.15 + build-up 0.16");
    }

    private static Play playOf(List<MatchEvent> events, String eventId) {
        return ImportedMatches.plays(ImportedMatches.score(events, rules), rules).stream()
                .filter(p -> ids(p).contains(eventId))
                .findFirst()
                .orElseThrow();
    }

    private static ScoredEvent event(List<ScoredEvent> scored, String eventId) {
        return scored.stream()
                .filter(e -> e.getEvent().getEventId().equals(eventId))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> ids(Play play) {
        return play.getEvents().stream().map(e -> e.getEvent().getEventId()).toList();
    }

    private static String peakType(Play play) {
        return event(play.getEvents(), play.getPeakEventId()).getEvent().getType();
    }
}

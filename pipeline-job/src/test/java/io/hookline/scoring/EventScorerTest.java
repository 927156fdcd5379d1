package io.hookline.scoring;

import static io.hookline.testing.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.GameState;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.testing.Rules;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventScorerTest {
    private static EventScorer shipped;
    private final EventScorer scorer = new EventScorer(Rules.rules());

    @BeforeAll
    static void loadShippedRules() throws ProfileException {
        shipped = new EventScorer(ProfileLoader.loadBundled().rules());
    }

    @ParameterizedTest
    @CsvSource({
        "GOAL,          1.0,  GOAL 1.00",
        "DUNK,          0.95, DUNK 0.95",
        "THREE_POINTER, 0.8,  THREE_POINTER 0.80",
        "SAVE,          0.7,  SAVE 0.70",
        "FOUL,          0.15, FOUL 0.15",
        "PERIOD_START,  0.0,  PERIOD_START 0.00",
    })
    void scoreIsTheShippedWeightOfTheType(String type, double weight, String explanation) {
        // No score on the event, so no game context changes anything.
        ScoredEvent scored = shipped.score(event("e1", type, 1_000).build(), state(new Score(1, 1)));

        assertThat(scored.getScore()).isEqualTo(weight);
        assertThat(scored.getExplanation()).isEqualTo(explanation);
        assertThat(scored.getLeadChange()).isFalse();
    }

    @ParameterizedTest(name = "{0}-{1} to {2}-{3}: x{4}")
    @CsvSource({
        // Taking the lead from level counts as a lead change.
        "0, 0, 1, 0, 1.25, GOAL 1.00 x lead change 1.25, true",
        "0, 0, 0, 1, 1.25, GOAL 1.00 x lead change 1.25, true",
        "1, 0, 1, 2, 1.25, GOAL 1.00 x lead change 1.25, true",
        "3, 4, 5, 4, 1.25, GOAL 1.00 x lead change 1.25, true",
        "1, 0, 1, 1, 1.15, GOAL 1.00 x equaliser 1.15, false",
        "2, 3, 3, 3, 1.15, GOAL 1.00 x equaliser 1.15, false",
        "1, 0, 2, 0, 1.0,  GOAL 1.00, false",
        "0, 2, 1, 2, 1.0,  GOAL 1.00, false",
        "2, 2, 2, 2, 1.0,  GOAL 1.00, false",
    })
    void gameContextMultipliesTheWeight(
            int homeBefore,
            int awayBefore,
            int homeAfter,
            int awayAfter,
            double factor,
            String explanation,
            boolean leadChange) {
        Score before = new Score(homeBefore, awayBefore);
        MatchEvent goal = event("e1", "GOAL", 1_000)
                .setScore(new Score(homeAfter, awayAfter))
                .build();

        ScoredEvent scored = scorer.score(goal, state(before));

        assertThat(scored.getScore()).isCloseTo(factor, within(1e-9));
        assertThat(scored.getExplanation()).isEqualTo(explanation);
        assertThat(scored.getLeadChange()).isEqualTo(leadChange);
        assertThat(scored.getScoreBefore()).isEqualTo(before);
        assertThat(scored.getEvent()).isSameAs(goal);
    }

    @Test
    void contextMultipliesTheTypesOwnWeight() {
        MatchEvent equaliser =
                event("e1", "SHOT", 1_000).setScore(new Score(1, 1)).build();

        ScoredEvent scored = scorer.score(equaliser, state(new Score(0, 1)));

        assertThat(scored.getScore()).isCloseTo(0.5 * 1.15, within(1e-9));
        assertThat(scored.getExplanation()).isEqualTo("SHOT 0.50 x equaliser 1.15");
    }

    @Test
    void anEventWithoutAScoreCarriesTheScoreBefore() {
        MatchEvent shot = event("e1", "SHOT", 1_000).build();
        Score before = new Score(2, 1);

        ScoredEvent scored = scorer.score(shot, state(before));

        assertThat(scored.getScoreBefore()).isEqualTo(before);
        assertThat(scored.getLeadChange()).isFalse();
        assertThat(scored.getScore()).isEqualTo(0.5);
        assertThat(EventScorer.after(shot, state(before)).getScore()).isEqualTo(before);
    }

    @Test
    void scoreAfterIsTheEventsOwnScoreWhenItHasOne() {
        MatchEvent goal = event("e1", "GOAL", 1_000).setScore(new Score(3, 1)).build();

        assertThat(EventScorer.after(goal, state(new Score(2, 1))).getScore()).isEqualTo(new Score(3, 1));
    }

    @Test
    void aTypeTheRulesLeaveOutWeighsNothing() {
        ScoredEvent scored = scorer.score(event("e1", "DUNK", 1_000).build(), state(new Score(0, 0)));

        assertThat(scored.getScore()).isZero();
        assertThat(scored.getExplanation()).isEqualTo("DUNK 0.00");
    }

    @Test
    void aTypeOutsideTheVocabularyIsRefused() {
        // Validation runs first; reaching the scorer with such a type is a programming error.
        MatchEvent unknown = event("e1", "GOLA", 1_000).build();

        assertThatThrownBy(() -> scorer.score(unknown, state(new Score(0, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unvalidated event type GOLA");
    }

    @Test
    void explanationNumbersUseADotInEveryLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            MatchEvent equaliser =
                    event("e1", "SHOT", 1_000).setScore(new Score(1, 1)).build();

            assertThat(scorer.score(equaliser, state(new Score(1, 0))).getExplanation())
                    .isEqualTo("SHOT 0.50 x equaliser 1.15");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static GameState state(Score score) {
        return new GameState(score, null, 0);
    }
}

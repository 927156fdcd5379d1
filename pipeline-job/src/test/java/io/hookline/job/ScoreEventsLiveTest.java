package io.hookline.job;

import static io.hookline.job.Harnesses.side;
import static io.hookline.testing.Events.event;
import static io.hookline.testing.Events.goal;
import static io.hookline.testing.Events.sourced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.model.DeadLetter;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.model.SourcedEvent;
import io.hookline.testing.Rules;
import java.util.List;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ScoreEvents on a live feed: each match on its own clock, corrections after the fact scored again. */
class ScoreEventsLiveTest {
    private static final long REORDER_MS = 2_000;

    private KeyedOneInputStreamOperatorTestHarness<String, SourcedEvent, ScoredEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.keyed(
                new ScoreEvents(Rules.rules(), MatchRetention.FOR_THE_RUN, ScoreEventsTest.live(REORDER_MS)),
                e -> e.getEvent().getMatchId(),
                SourcedEvent.class,
                ScoredEvent.class);
        harness.open();
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void anEventIsScoredOnceTheMatchIsTheReorderTimePastIt() throws Exception {
        send(sourced(event("e1", "SHOT", 1_000), 1));
        send(sourced(event("e2", "SAVE", 2_500), 2));
        assertThat(ids()).isEmpty();

        send(sourced(event("e3", "SHOT", 3_500), 3));
        assertThat(ids()).containsExactly("e1");

        // No event comes, but the match goes on: its clock runs with the wall clock from the newest event.
        harness.setProcessingTime(1_000);
        assertThat(ids()).containsExactly("e1", "e2");
        harness.setProcessingTime(2_000);
        assertThat(ids()).containsExactly("e1", "e2", "e3");
    }

    @Test
    void anEarlierEventArrivingWithinTheReorderTimeIsScoredInItsPlace() throws Exception {
        send(sourced(goal("e2", 3_000, 1, 1), 2));
        send(sourced(goal("e1", 2_000, 1, 0), 1));

        harness.setProcessingTime(2_000);

        assertThat(harness.extractOutputValues())
                .extracting(e -> e.getEvent().getEventId(), ScoredEvent::getScoreBefore)
                .containsExactly(tuple("e1", new Score(0, 0)), tuple("e2", new Score(1, 0)));
    }

    @Test
    void eachMatchRunsOnItsOwnClock() throws Exception {
        send(sourced(event("late-game", "SHOT", 4_800_000).setMatchId("m80"), 1));
        send(sourced(event("early-game", "SHOT", 600_000).setMatchId("m10"), 1));
        send(sourced(event("late-game-2", "SAVE", 4_803_000).setMatchId("m80"), 2));

        // The match at 80 minutes releases its own event, and neither releases nor drops the one at 10.
        assertThat(ids()).containsExactly("late-game");

        harness.setProcessingTime(2_000);
        assertThat(ids()).containsExactlyInAnyOrder("late-game", "late-game-2", "early-game");
        assertThat(side(harness, DeadLetters.TAG)).isEmpty();
    }

    @Test
    void aCorrectionToAnEventAlreadyScoredIsScoredAgainInTheGameStateOfTheOriginal() throws Exception {
        send(sourced(goal("g", 1_000, 1, 0), 1));
        send(sourced(goal("g2", 20_000, 2, 0), 2));
        assertThat(ids()).containsExactly("g");

        // The goal was the away side's: scored again from 0-0, not from the 2-0 the match is at now.
        send(sourced(goal("g", 1_000, 0, 1).setVersion(2), 3));
        send(sourced(goal("g", 1_000, 1, 0), 4));
        send(sourced(goal("g", 1_000, 0, 1).setVersion(3).setDeleted(true), 5));

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(
                        e -> e.getEvent().getEventId(),
                        e -> e.getEvent().getVersion(),
                        e -> e.getEvent().getDeleted(),
                        ScoredEvent::getScoreBefore)
                .containsExactly(
                        tuple("g", 1, false, new Score(0, 0)),
                        tuple("g", 2, false, new Score(0, 0)),
                        tuple("g", 3, true, new Score(0, 0)));
        assertThat(out.get(1).getLeadChange()).isTrue();
        assertThat(side(harness, DeadLetters.TAG))
                .extracting(DeadLetter::getReason)
                .containsExactly("duplicate event id g (version 1 was already used)");
    }

    private void send(SourcedEvent e) throws Exception {
        harness.processElement(e, e.getEvent().getVideoTimeMs());
    }

    private List<String> ids() {
        return harness.extractOutputValues().stream()
                .map(e -> e.getEvent().getEventId())
                .toList();
    }
}

package io.hookline.job;

import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.testing.Rules;
import java.util.List;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GroupPlays on a live feed: a play closes as soon as the rules say it is over, on its match's own clock. */
class GroupPlaysLiveTest {
    private KeyedOneInputStreamOperatorTestHarness<String, ScoredEvent, Play> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.keyed(
                new GroupPlays(Rules.GAP_MS, MatchRetention.FOR_THE_RUN, ScoreEventsTest.live(0)),
                e -> e.getEvent().getMatchId(),
                ScoredEvent.class,
                Play.class);
        harness.open();
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aPlayClosesAsSoonAsAnEventComesMoreThanAPlayGapAfterIt() throws Exception {
        send(scored("e1", "KEY_PASS", 0, 0.25));
        send(scored("e2", "GOAL", 3_000, 1.0));
        assertThat(playIds()).isEmpty();

        send(scored("e3", "SHOT", 7_001, 0.5));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(play -> {
            assertThat(play.getPlayId()).isEqualTo("p-e1");
            assertThat(play.getPeakEventId()).isEqualTo("e2");
            assertThat(play.getEvents())
                    .extracting(e -> e.getEvent().getEventId())
                    .containsExactly("e1", "e2");
        });
    }

    @ParameterizedTest(name = "{0} ms of wall time later: {1}")
    @CsvSource({
        "0,    ''",
        "4499, ''",
        // The last event is at 3000 and the match clock stood there; the gap is 4000, plus half a second's slack.
        "4500, p-e1",
    })
    void aQuietPlayClosesWhenItsMatchClockIsAPlayGapPastItsLastEvent(long wallMs, String plays) throws Exception {
        send(scored("e1", "KEY_PASS", 0, 0.25));
        send(scored("e2", "GOAL", 3_000, 1.0));

        harness.setProcessingTime(wallMs);

        assertThat(String.join(" ", playIds())).isEqualTo(plays);
    }

    @Test
    void aPeriodEndClosesItsPlayAtOnce() throws Exception {
        send(scored("e1", "SHOT", 10_000, 0.5));
        send(scored("end1", "PERIOD_END", 11_000, 0.0));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(play -> assertThat(play.getEvents()).hasSize(2));
    }

    @Test
    void eachMatchClosesItsPlaysOnItsOwnClock() throws Exception {
        send(scored("a1", "GOAL", 4_800_000, 1.0));
        ScoredEvent other = scored("b1", "GOAL", 600_000, 1.0);
        other.getEvent().setMatchId("m2");
        send(other);
        // A match 70 minutes ahead closes nothing of the other.
        send(scored("a2", "SHOT", 4_810_000, 0.5));
        assertThat(playIds()).containsExactly("p-a1");

        harness.setProcessingTime(4_500);
        assertThat(playIds()).containsExactlyInAnyOrder("p-a1", "p-b1", "p-a2");
    }

    @Test
    void aCorrectionToAClosedPlayMakesItAgainUnderANewIdThatNamesTheOld() throws Exception {
        send(scored("e1", "SHOT", 1_000, 0.5));
        send(scored("e2", "GOAL", 2_000, 1.0));
        send(scored("e9", "SHOT", 30_000, 0.5));

        ScoredEvent ruledOut = scored("e2", "SHOT", 2_000, 0.5);
        ruledOut.getEvent().setVersion(2);
        send(ruledOut);
        ScoredEvent deleted = scored("e1", "SHOT", 1_000, 0.5);
        deleted.getEvent().setVersion(2);
        deleted.getEvent().setDeleted(true);
        send(deleted);

        assertThat(harness.extractOutputValues())
                .extracting(
                        Play::getPlayId, Play::getReplaces, p -> p.getEvents().size())
                .containsExactly(tuple("p-e1", null, 2), tuple("p-e1~2", "p-e1", 2), tuple("p-e1~3", "p-e1~2", 1));
        assertThat(harness.extractOutputValues().get(2).getPeakEventId()).isEqualTo("e2");
    }

    @Test
    void anEventArrivingAfterItsPlayClosedMakesThePlayAgainWithIt() throws Exception {
        send(scored("e2", "GOAL", 2_000, 1.0));
        send(scored("e9", "SHOT", 30_000, 0.5));

        send(scored("e1", "KEY_PASS", 1_000, 0.25));

        assertThat(harness.extractOutputValues())
                .extracting(Play::getPlayId, Play::getReplaces)
                .containsExactly(tuple("p-e2", null), tuple("p-e2~2", "p-e2"));
        assertThat(harness.extractOutputValues().get(1).getEvents())
                .extracting(e -> e.getEvent().getEventId())
                .containsExactly("e1", "e2");
    }

    @Test
    void deletingAClosedPlaysOnlyEventLeavesAnEmptyPlayThatReplacesIt() throws Exception {
        send(scored("e1", "GOAL", 1_000, 1.0));
        send(scored("e9", "SHOT", 30_000, 0.5));
        ScoredEvent deleted = scored("e1", "GOAL", 1_000, 1.0);
        deleted.getEvent().setVersion(2);
        deleted.getEvent().setDeleted(true);

        send(deleted);

        assertThat(harness.extractOutputValues().get(1)).satisfies(play -> {
            assertThat(play.getReplaces()).isEqualTo("p-e1");
            assertThat(play.getEvents()).isEmpty();
        });
    }

    private void send(ScoredEvent e) throws Exception {
        harness.processElement(e, e.getEvent().getVideoTimeMs());
    }

    private List<String> playIds() {
        return harness.extractOutputValues().stream().map(Play::getPlayId).toList();
    }
}

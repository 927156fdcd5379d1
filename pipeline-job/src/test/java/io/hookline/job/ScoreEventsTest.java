package io.hookline.job;

import static io.hookline.job.Harnesses.side;
import static io.hookline.testing.Events.event;
import static io.hookline.testing.Events.goal;
import static io.hookline.testing.Events.origin;
import static io.hookline.testing.Events.sourced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.DeadLetter;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.model.SourcedEvent;
import io.hookline.testing.Rules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreEventsTest {
    private KeyedOneInputStreamOperatorTestHarness<String, SourcedEvent, ScoredEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eventsWaitForTheWatermarkAndComeOutInVideoTimeOrder() throws Exception {
        send(sourced(event("e2", "SHOT", 2_000), 2));
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(goal("e3", 5_000, 1, 1), 3));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(1_999);
        assertThat(ids()).containsExactly("e1");

        harness.processWatermark(5_000);
        List<StreamRecord<? extends ScoredEvent>> out = harness.extractOutputStreamRecords();
        assertThat(out).extracting(r -> r.getValue().getEvent().getEventId()).containsExactly("e1", "e2", "e3");
        assertThat(out).extracting(StreamRecord::getTimestamp).containsExactly(1_000L, 2_000L, 5_000L);
        // The running score: 1-0 takes the lead, the shot changes nothing, 1-1 equalises.
        assertThat(out).extracting(r -> r.getValue().getScoreBefore())
                .containsExactly(new Score(0, 0), new Score(1, 0), new Score(1, 0));
        assertThat(out).extracting(r -> r.getValue().getScore())
                .containsExactly(1.25, 0.5, 1.15);
        assertThat(out).extracting(r -> r.getValue().getExplanation())
                .containsExactly("GOAL 1.00 x lead change 1.25", "SHOT 0.50", "GOAL 1.00 x equaliser 1.15");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void eventsAtTheSameTimeComeOutInFeedOrder() throws Exception {
        send(sourced(event("a", "SHOT", 1_000), 8));
        send(sourced(event("c", "SAVE", 1_000), 2));
        send(sourced(event("b", "FOUL", 1_000), 5));

        harness.processWatermark(1_000);

        assertThat(ids()).containsExactly("c", "b", "a");
    }

    @ParameterizedTest(name = "earlier record arrives first: {0}")
    @ValueSource(booleans = {true, false})
    void aDuplicateKeepsTheEarlierRecordInTheFeedAndReportsTheLater(boolean earlierFirst) throws Exception {
        SourcedEvent earlier = sourced(event("e1", "SHOT", 1_000).setDescription("first"), 3);
        SourcedEvent later = sourced(event("e1", "SHOT", 1_000).setDescription("second"), 7);
        send(earlierFirst ? earlier : later);
        send(earlierFirst ? later : earlier);

        harness.processWatermark(1_000);

        assertThat(harness.extractOutputValues()).extracting(e -> e.getEvent().getDescription())
                .containsExactly("first");
        assertThat(deadLetters()).containsExactly(DeadLetter.newBuilder()
                .setMatchId("m1")
                .setOrigin(origin(7))
                .setSequence(7)
                .setReason("duplicate event id e1 (first seen at " + origin(3) + ")")
                .setRaw(MatchEventJson.write(later.getEvent()))
                .build());
    }

    @Test
    void anEarlierDuplicateArrivingSecondComesOutAtItsOwnTime() throws Exception {
        // Same id and version but placed differently in the video: the feed's earlier record is the one used.
        send(sourced(event("e1", "SHOT", 5_000), 7));
        send(sourced(event("e1", "SHOT", 2_000), 3));

        harness.processWatermark(2_000);

        assertThat(harness.extractOutputStreamRecords()).singleElement().satisfies(r -> {
            assertThat(r.getValue().getEvent().getVideoTimeMs()).isEqualTo(2_000L);
            assertThat(r.getTimestamp()).isEqualTo(2_000L);
        });
        harness.processWatermark(5_000);
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(deadLetters()).extracting(DeadLetter::getSequence).containsExactly(7L);
    }

    @ParameterizedTest(name = "correction arrives first: {0}")
    @ValueSource(booleans = {true, false})
    void aHigherVersionReplacesTheEventWhicheverArrivesFirst(boolean correctionFirst) throws Exception {
        // A goal ruled out and recorded as a shot instead.
        SourcedEvent original = sourced(goal("e1", 1_000, 1, 0), 1);
        SourcedEvent correction = sourced(event("e1", "SHOT", 1_000).setVersion(2), 9);
        send(correctionFirst ? correction : original);
        send(correctionFirst ? original : correction);
        send(sourced(goal("e2", 2_000, 1, 0), 2));

        harness.processWatermark(2_000);

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(e -> e.getEvent().getType()).containsExactly("SHOT", "GOAL");
        assertThat(out.get(0).getEvent().getVersion()).isEqualTo(2);
        // The ruled-out goal never counted: the next goal takes the lead from 0-0.
        assertThat(out.get(1).getScoreBefore()).isEqualTo(new Score(0, 0));
        assertThat(out.get(1).getLeadChange()).isTrue();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aCorrectionCanMoveTheEventLater() throws Exception {
        send(sourced(event("e1", "SHOT", 1_000), 1));
        send(sourced(event("e1", "SHOT", 3_000).setVersion(2), 2));

        harness.processWatermark(2_999);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(3_000);
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(e -> assertThat(e.getEvent().getVideoTimeMs()).isEqualTo(3_000L));
    }

    @Test
    void aDeleteRemovesTheEventAndItsScore() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(goal("e1", 1_000, 1, 0).setVersion(2).setDeleted(true), 2));
        send(sourced(event("e2", "SHOT", 1_500), 3));
        send(sourced(goal("e3", 2_000, 0, 1), 4));

        harness.processWatermark(2_000);

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(e -> e.getEvent().getEventId()).containsExactly("e2", "e3");
        assertThat(out).extracting(ScoredEvent::getScoreBefore).containsExactly(new Score(0, 0), new Score(0, 0));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aDeleteThatArrivesFirstStillWins() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0).setVersion(2).setDeleted(true), 2));
        send(sourced(goal("e1", 1_000, 1, 0), 1));

        harness.processWatermark(1_000);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void recordsForAnEventAlreadyUsedGoToTheDeadLetters() throws Exception {
        MatchEvent e1 = goal("e1", 1_000, 1, 0).build();
        send(sourced(e1, 1));
        harness.processWatermark(1_000);

        send(sourced(e1, 9));
        send(sourced(goal("e1", 1_000, 2, 0).setVersion(2), 10));
        send(sourced(goal("e1", 1_000, 1, 0).setVersion(3).setDeleted(true), 11));
        harness.processWatermark(10_000);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(deadLetters()).extracting(DeadLetter::getOrigin, DeadLetter::getReason).containsExactly(
                tuple(origin(9), "duplicate event id e1 (version 1 was already used)"),
                tuple(origin(10), "correction to event e1 arrived after the event was used"),
                tuple(origin(11), "correction to event e1 arrived after the event was used"));
    }

    @Test
    void eachMatchKeepsItsOwnScore() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(event("x1", "GOAL", 2_000).setMatchId("m2").setScore(new Score(0, 1)), 1));

        harness.processWatermark(2_000);

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(e -> e.getEvent().getMatchId()).containsExactly("m1", "m2");
        assertThat(out.get(1).getScoreBefore()).isEqualTo(new Score(0, 0));
        assertThat(out.get(1).getScore()).isCloseTo(1.25, within(1e-9));
    }

    @Test
    void pendingEventsScoreAndUsedIdsSurviveARestore() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(goal("e2", 2_000, 1, 1), 2));
        harness.processWatermark(1_000);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1_500);
        harness.close();

        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        send(sourced(goal("e1", 1_000, 1, 0), 5));
        harness.processWatermark(2_000);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.getEvent().getEventId()).isEqualTo("e2");
            assertThat(e.getScoreBefore()).isEqualTo(new Score(1, 0));
            assertThat(e.getExplanation()).isEqualTo("GOAL 1.00 x equaliser 1.15");
        });
        assertThat(deadLetters()).extracting(DeadLetter::getReason)
                .containsExactly("duplicate event id e1 (version 1 was already used)");
    }

    @Test
    void aMatchEndReleasesWhatWaitsThenItselfAndRefusesWhatComesAfter() throws Exception {
        send(sourced(event("e2", "SHOT", 80_000), 2));
        send(sourced(goal("e1", 60_000, 1, 0), 1));
        harness.processWatermark(10_000);
        assertThat(ids()).isEmpty();

        // No watermark moves: the end alone releases the match.
        send(sourced(event("end", "MATCH_END", 90_000), 3));
        assertThat(ids()).containsExactly("e1", "e2", "end");
        assertThat(harness.extractOutputValues().get(2).getScoreBefore()).isEqualTo(new Score(1, 0));

        send(sourced(event("late", "GOAL", 85_000), 4));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(ids()).containsExactly("e1", "e2", "end");
        assertThat(side(harness, DeadLetters.TAG)).singleElement()
                .satisfies(d -> assertThat(d.getReason()).isEqualTo("event late arrived after the match ended"));
    }

    @Test
    void theMatchDescriptorNamesEachSidesEventsAndIsNotScored() throws Exception {
        send(sourced(new MatchDescriptor("m1", "Derby", "Riverside", "Harbour").event(), 1));
        send(sourced(goal("e1", 1_000, 1, 0).setTeam("home"), 2));
        send(sourced(event("e2", "SAVE", 2_000).setTeam("away"), 3));
        send(sourced(event("e3", "SHOT", 3_000).setTeam("away")
                .setAttributes(Map.of(MatchDescriptor.TEAM_NAME, "Harbour FC")), 4));
        send(sourced(event("e4", "FOUL", 4_000), 5));

        harness.processWatermark(5_000);

        assertThat(harness.extractOutputValues()).extracting(e -> e.getEvent().getEventId(),
                        e -> e.getEvent().getAttributes().get(MatchDescriptor.TEAM_NAME))
                .containsExactly(tuple("e1", "Riverside"), tuple("e2", "Harbour"), tuple("e3", "Harbour FC"),
                        tuple("e4", null));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anEndedMatchKeepsOnlyItsEndForTheRetentionThenIsForgotten() throws Exception {
        restartWith(new MatchRetention(Duration.ofHours(12)));
        harness.setStateTtlProcessingTime(0);
        send(sourced(goal("e1", 60_000, 1, 0), 1));
        send(sourced(event("e2", "SHOT", 80_000), 2));
        send(sourced(event("end", "MATCH_END", 90_000), 3));
        assertThat(ids()).containsExactly("e1", "e2", "end");
        assertThat(harness.numKeyedStateEntries()).as("only the ended flag is left").isEqualTo(1);

        harness.setStateTtlProcessingTime(Duration.ofHours(11).toMillis());
        send(sourced(event("late", "GOAL", 85_000), 4));
        assertThat(deadLetters()).extracting(DeadLetter::getReason)
                .containsExactly("event late arrived after the match ended");

        // Past the retention the match is gone: the same id is a new match's event, not a late one.
        harness.setStateTtlProcessingTime(Duration.ofHours(24).toMillis());
        send(sourced(event("later", "GOAL", 95_000), 5));
        harness.processWatermark(95_000);
        assertThat(ids()).containsExactly("e1", "e2", "end", "later");
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void aMatchWhoseFeedStoppedWithoutAnEndIsDroppedAfterTheRetention() throws Exception {
        restartWith(new MatchRetention(Duration.ofHours(12)));
        harness.setStateTtlProcessingTime(0);
        send(sourced(goal("e1", 60_000, 1, 0), 1));
        harness.setStateTtlProcessingTime(Duration.ofHours(13).toMillis());

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(ids()).as("the held event expired with its match").isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    private void restartWith(MatchRetention retention) throws Exception {
        harness.close();
        harness = Harnesses.keyed(new ScoreEvents(Rules.rules(), retention), e -> e.getEvent().getMatchId(),
                SourcedEvent.class, ScoredEvent.class);
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SourcedEvent, ScoredEvent> harness()
            throws Exception {
        return Harnesses.keyed(new ScoreEvents(Rules.rules(), MatchRetention.FOR_THE_RUN),
                e -> e.getEvent().getMatchId(), SourcedEvent.class, ScoredEvent.class);
    }

    /** Sends an event stamped with its video time, as the job's watermark strategy does. */
    private void send(SourcedEvent e) throws Exception {
        harness.processElement(e, e.getEvent().getVideoTimeMs());
    }

    private List<String> ids() {
        return harness.extractOutputValues().stream().map(e -> e.getEvent().getEventId()).toList();
    }

    private List<DeadLetter> deadLetters() {
        return side(harness, DeadLetters.TAG);
    }
}

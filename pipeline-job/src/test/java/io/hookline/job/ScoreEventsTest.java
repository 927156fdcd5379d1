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
    void aFeedFileIsScoredAtItsEndInVideoTimeOrder() throws Exception {
        send(sourced(event("e2", "SHOT", 2_000), 2));
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(goal("e3", 5_000, 1, 1), 3));
        assertThat(harness.extractOutputValues()).isEmpty();

        endOfFeed();

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(e -> e.getEvent().getEventId()).containsExactly("e1", "e2", "e3");
        // The running score: 1-0 takes the lead, the shot changes nothing, 1-1 equalises.
        assertThat(out)
                .extracting(ScoredEvent::getScoreBefore)
                .containsExactly(new Score(0, 0), new Score(1, 0), new Score(1, 0));
        assertThat(out).extracting(ScoredEvent::getScore).containsExactly(1.25, 0.5, 1.15);
        assertThat(out)
                .extracting(ScoredEvent::getExplanation)
                .containsExactly("GOAL 1.00 x lead change 1.25", "SHOT 0.50", "GOAL 1.00 x equaliser 1.15");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void eventsAtTheSameTimeComeOutWeightiestFirstWhateverTheFeedOrder() throws Exception {
        send(sourced(event("a", "SHOT", 1_000), 8));
        send(sourced(event("c", "KEY_PASS", 1_000), 2));
        send(sourced(event("d", "FOUL", 1_000), 5));
        send(sourced(event("b", "FOUL", 1_000), 1));

        endOfFeed();

        assertThat(ids()).containsExactly("a", "c", "b", "d");
    }

    @Test
    void aCorrectionThatChangesNothingLeavesEveryScoreAsItWas() throws Exception {
        // The assist is logged with the goal's score, at the goal's moment; the goal's copy comes at the feed's end.
        MatchEvent.Builder goal = goal("g", 1_000, 1, 0).setTeam("home");
        send(sourced(goal, 1));
        send(sourced(event("a", "ASSIST", 1_000).setTeam("home").setScore(new Score(1, 0)), 2));
        send(sourced(goal("g", 1_000, 1, 0).setTeam("home").setVersion(2), 3));

        endOfFeed();

        assertThat(harness.extractOutputValues())
                .extracting(e -> e.getEvent().getEventId(), ScoredEvent::getLeadChange)
                .containsExactly(tuple("g", true), tuple("a", false));
        assertThat(harness.extractOutputValues().get(0).getExplanation()).isEqualTo("GOAL 1.00 x lead change 1.25");
    }

    @ParameterizedTest(name = "earlier record arrives first: {0}")
    @ValueSource(booleans = {true, false})
    void aDuplicateKeepsTheEarlierRecordInTheFeedAndReportsTheLater(boolean earlierFirst) throws Exception {
        SourcedEvent earlier = sourced(event("e1", "SHOT", 1_000).setDescription("first"), 3);
        SourcedEvent later = sourced(event("e1", "SHOT", 1_000).setDescription("second"), 7);
        send(earlierFirst ? earlier : later);
        send(earlierFirst ? later : earlier);

        endOfFeed();

        assertThat(harness.extractOutputValues())
                .extracting(e -> e.getEvent().getDescription())
                .containsExactly("first");
        assertThat(deadLetters())
                .containsExactly(DeadLetter.newBuilder()
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

        endOfFeed();

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(e -> assertThat(e.getEvent().getVideoTimeMs()).isEqualTo(2_000L));
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

        endOfFeed();

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

        endOfFeed();
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(e -> assertThat(e.getEvent().getVideoTimeMs()).isEqualTo(3_000L));
    }

    @Test
    void aDeleteRemovesTheEventAndItsScore() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(goal("e1", 1_000, 1, 0).setVersion(2).setDeleted(true), 2));
        send(sourced(event("e2", "SHOT", 1_500), 3));
        send(sourced(goal("e3", 2_000, 0, 1), 4));

        endOfFeed();

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(e -> e.getEvent().getEventId()).containsExactly("e2", "e3");
        assertThat(out).extracting(ScoredEvent::getScoreBefore).containsExactly(new Score(0, 0), new Score(0, 0));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aDeleteThatArrivesFirstStillWins() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0).setVersion(2).setDeleted(true), 2));
        send(sourced(goal("e1", 1_000, 1, 0), 1));

        endOfFeed();

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void recordsForAnEventOfAnEndedFeedGoToTheDeadLetters() throws Exception {
        MatchEvent e1 = goal("e1", 1_000, 1, 0).build();
        send(sourced(e1, 1));
        send(sourced(event("end", "MATCH_END", 2_000), 2));

        send(sourced(e1, 9));
        send(sourced(goal("e1", 1_000, 2, 0).setVersion(2), 10));
        endOfFeed();

        assertThat(ids()).containsExactly("e1", "end");
        assertThat(deadLetters())
                .extracting(DeadLetter::getOrigin, DeadLetter::getReason)
                .containsExactly(
                        tuple(origin(9), "event e1 arrived after the match ended"),
                        tuple(origin(10), "event e1 arrived after the match ended"));
    }

    @Test
    void eachMatchKeepsItsOwnScore() throws Exception {
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(event("x1", "GOAL", 2_000).setMatchId("m2").setScore(new Score(0, 1)), 1));

        endOfFeed();

        List<ScoredEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(e -> e.getEvent().getMatchId()).containsExactly("m1", "m2");
        assertThat(out.get(1).getScoreBefore()).isEqualTo(new Score(0, 0));
        assertThat(out.get(1).getScore()).isCloseTo(1.25, within(1e-9));
    }

    @Test
    void pendingEventsScoreAndUsedIdsSurviveARestore() throws Exception {
        restartLive(500);
        send(sourced(goal("e1", 1_000, 1, 0), 1));
        send(sourced(goal("e2", 2_000, 1, 1), 2));
        assertThat(ids()).containsExactly("e1");
        OperatorSubtaskState snapshot = harness.snapshot(1, 1_500);
        harness.close();

        harness = Harnesses.keyed(
                new ScoreEvents(Rules.rules(), MatchRetention.FOR_THE_RUN, live(500)),
                e -> e.getEvent().getMatchId(),
                SourcedEvent.class,
                ScoredEvent.class);
        harness.initializeState(snapshot);
        harness.open();
        send(sourced(goal("e1", 1_000, 1, 0), 5));
        harness.setProcessingTime(1_000);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.getEvent().getEventId()).isEqualTo("e2");
            assertThat(e.getScoreBefore()).isEqualTo(new Score(1, 0));
            assertThat(e.getExplanation()).isEqualTo("GOAL 1.00 x equaliser 1.15");
        });
        assertThat(deadLetters())
                .extracting(DeadLetter::getReason)
                .containsExactly("duplicate event id e1 (version 1 was already used)");
    }

    @Test
    void aMatchEndReleasesWhatWaitsThenItselfAndRefusesWhatComesAfter() throws Exception {
        send(sourced(event("e2", "SHOT", 80_000), 2));
        send(sourced(goal("e1", 60_000, 1, 0), 1));
        assertThat(ids()).isEmpty();

        // The end alone releases the match.
        send(sourced(event("end", "MATCH_END", 90_000), 3));
        assertThat(ids()).containsExactly("e1", "e2", "end");
        assertThat(harness.extractOutputValues().get(2).getScoreBefore()).isEqualTo(new Score(1, 0));

        send(sourced(event("late", "GOAL", 85_000), 4));
        endOfFeed();
        assertThat(ids()).containsExactly("e1", "e2", "end");
        assertThat(side(harness, DeadLetters.TAG))
                .singleElement()
                .satisfies(d -> assertThat(d.getReason()).isEqualTo("event late arrived after the match ended"));
    }

    @Test
    void theMatchDescriptorNamesEachSidesEventsAndIsPassedOnForItsVideo() throws Exception {
        send(sourced(new MatchDescriptor("m1", "Derby", "Riverside", "Harbour").event(), 1));
        send(sourced(goal("e1", 1_000, 1, 0).setTeam("home"), 2));
        send(sourced(event("e2", "SAVE", 2_000).setTeam("away"), 3));
        send(sourced(
                event("e3", "SHOT", 3_000)
                        .setTeam("away")
                        .setAttributes(Map.of(MatchDescriptor.TEAM_NAME, "Harbour FC")),
                4));
        send(sourced(event("e4", "FOUL", 4_000), 5));

        endOfFeed();

        assertThat(harness.extractOutputValues())
                .extracting(
                        e -> e.getEvent().getEventId(),
                        e -> e.getEvent().getAttributes().get(MatchDescriptor.TEAM_NAME))
                .containsExactly(
                        tuple(MatchDescriptor.EVENT_ID, null),
                        tuple("e1", "Riverside"),
                        tuple("e2", "Harbour"),
                        tuple("e3", "Harbour FC"),
                        tuple("e4", null));
        assertThat(deadLetters()).isEmpty();
    }

    @ParameterizedTest(name = "later descriptor arrives first: {0}")
    @ValueSource(booleans = {false, true})
    void ofTwoDifferingDescriptorsTheLaterInTheFeedIsUsedAndTheOtherNamed(boolean laterFirst) throws Exception {
        SourcedEvent earlier = sourced(new MatchDescriptor("m1", null, "Riverside", "Harbour").event(), 1);
        SourcedEvent later = sourced(new MatchDescriptor("m1", null, "Riverside FC", "Harbour").event(), 9);
        send(laterFirst ? later : earlier);
        send(laterFirst ? earlier : later);
        send(sourced(goal("e1", 1_000, 1, 0).setTeam("home"), 2));

        endOfFeed();

        assertThat(harness.extractOutputValues())
                .last()
                .satisfies(e -> assertThat(e.getEvent().getAttributes())
                        .containsEntry(MatchDescriptor.TEAM_NAME, "Riverside FC"));
        assertThat(deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getOrigin()).isEqualTo(origin(1));
            assertThat(d.getReason())
                    .isEqualTo("match m1 has two differing descriptors, this one and the one at "
                            + origin(9) + " (homeTeam \"Riverside\" / \"Riverside FC\"): the later one, at " + origin(9)
                            + ", is used");
        });
    }

    @Test
    void anEndedMatchKeepsOnlyItsEndForTheRetentionThenIsForgotten() throws Exception {
        restartWith(new MatchRetention(Duration.ofHours(12)));
        harness.setStateTtlProcessingTime(0);
        send(sourced(goal("e1", 60_000, 1, 0), 1));
        send(sourced(event("e2", "SHOT", 80_000), 2));
        send(sourced(event("end", "MATCH_END", 90_000), 3));
        assertThat(ids()).containsExactly("e1", "e2", "end");
        assertThat(harness.numKeyedStateEntries())
                .as("only the ended flag is left")
                .isEqualTo(1);

        harness.setStateTtlProcessingTime(Duration.ofHours(11).toMillis());
        send(sourced(event("late", "GOAL", 85_000), 4));
        assertThat(deadLetters())
                .extracting(DeadLetter::getReason)
                .containsExactly("event late arrived after the match ended");

        // Past the retention the match is gone: the same id is a new match's event, not a late one.
        harness.setStateTtlProcessingTime(Duration.ofHours(24).toMillis());
        send(sourced(event("later", "GOAL", 95_000), 5));
        endOfFeed();
        assertThat(ids()).containsExactly("e1", "e2", "end", "later");
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void aMatchWhoseFeedStoppedWithoutAnEndIsDroppedAfterTheRetention() throws Exception {
        restartWith(new MatchRetention(Duration.ofHours(12)));
        harness.setStateTtlProcessingTime(0);
        send(sourced(goal("e1", 60_000, 1, 0), 1));
        harness.setStateTtlProcessingTime(Duration.ofHours(13).toMillis());

        endOfFeed();

        assertThat(ids()).as("the held event expired with its match").isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    private void restartWith(MatchRetention retention) throws Exception {
        harness.close();
        harness = Harnesses.keyed(
                new ScoreEvents(Rules.rules(), retention, null),
                e -> e.getEvent().getMatchId(),
                SourcedEvent.class,
                ScoredEvent.class);
        harness.open();
    }

    /** Runs the rest of the test on a live feed, whose events wait {@code reorderMs} of match time. */
    private void restartLive(long reorderMs) throws Exception {
        harness.close();
        harness = Harnesses.keyed(
                new ScoreEvents(Rules.rules(), MatchRetention.FOR_THE_RUN, live(reorderMs)),
                e -> e.getEvent().getMatchId(),
                SourcedEvent.class,
                ScoredEvent.class);
        harness.open();
    }

    static LiveSettings live(long reorderMs) {
        return new LiveSettings(reorderMs, Duration.ofMinutes(1), 8);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SourcedEvent, ScoredEvent> harness()
            throws Exception {
        return Harnesses.keyed(
                new ScoreEvents(Rules.rules(), MatchRetention.FOR_THE_RUN, null),
                e -> e.getEvent().getMatchId(),
                SourcedEvent.class,
                ScoredEvent.class);
    }

    /** The end of a feed file: in BATCH mode the watermark jumps to the end of time. */
    private void endOfFeed() throws Exception {
        harness.processWatermark(Long.MAX_VALUE);
    }

    /** Sends an event stamped with its video time, as the job's watermark strategy does. */
    private void send(SourcedEvent e) throws Exception {
        harness.processElement(e, e.getEvent().getVideoTimeMs());
    }

    private List<String> ids() {
        return harness.extractOutputValues().stream()
                .map(e -> e.getEvent().getEventId())
                .toList();
    }

    private List<DeadLetter> deadLetters() {
        return side(harness, DeadLetters.TAG);
    }
}

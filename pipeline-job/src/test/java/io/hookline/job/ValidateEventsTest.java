package io.hookline.job;

import static io.hookline.job.Harnesses.side;
import static io.hookline.testing.Events.event;
import static io.hookline.testing.Events.origin;
import static io.hookline.testing.Events.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.MatchEventJson;
import io.hookline.model.DeadLetter;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import io.hookline.model.SourcedEvent;
import java.util.stream.Stream;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateEventsTest {
    private OneInputStreamOperatorTestHarness<FeedRecord, SourcedEvent> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aValidEventGoesOnWithWhereItCameFrom() throws Exception {
        open(100_000);
        MatchEvent e = event("e1", "GOAL", 50_000).build();

        harness.processElement(read(e, 4), 0);

        assertThat(harness.extractOutputValues()).containsExactly(new SourcedEvent(e, origin(4), 4L));
        assertThat(side(harness, DeadLetters.TAG)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void anInvalidEventGoesToTheDeadLettersWithItsOrigin(MatchEvent e, String reason) throws Exception {
        open(100_000);

        harness.processElement(read(e, 7), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(harness, DeadLetters.TAG))
                .containsExactly(new DeadLetter(e.getMatchId(), origin(7), 7L, reason, MatchEventJson.write(e)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        event("e1", "GOLA", 1_000).build(),
                        "event e1: unknown event type 'GOLA' (did you mean 'GOAL'?)"),
                Arguments.of(
                        event("e2", "GOAL", 100_001).build(),
                        "event e2: videoTimeMs 100001 is outside the video (0..100000 ms)"),
                Arguments.of(
                        event("e3", "GOAL", 1_000).setVideoTimeMs(null).build(),
                        "event e3: no videoTimeMs: the event cannot be placed in the video"
                                + " (import provider feeds with a sync file)"));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLettersAsItWasRead() throws Exception {
        open(100_000);
        FeedRecord unreadable = FeedRecord.newBuilder()
                .setOrigin(origin(2))
                .setSequence(2)
                .setMatchId("m1")
                .setError("malformed JSON: unexpected end-of-input")
                .setRaw("{\"matchId\":")
                .build();

        harness.processElement(unreadable, 0);

        assertThat(side(harness, DeadLetters.TAG))
                .containsExactly(new DeadLetter(
                        "m1", origin(2), 2L, "malformed JSON: unexpected end-of-input", "{\"matchId\":"));
    }

    @Test
    void countsWhatItReadsAndWhatItRejects() throws Exception {
        open(100_000);

        harness.processElement(read(event("e1", "GOAL", 1_000).build(), 1), 0);
        harness.processElement(read(event("e2", "GOLA", 2_000).build(), 2), 0);
        harness.processElement(read(event("e3", "SHOT", 3_000).build(), 3), 0);

        assertThat(counter(Progress.EVENTS_READ)).isEqualTo(3L);
        assertThat(counter(Progress.EVENTS_REJECTED)).isEqualTo(1L);
        assertThat(harness.extractOutputValues())
                .extracting(SourcedEvent::getSequence)
                .containsExactly(1L, 3L);
    }

    @Test
    void anUnknownVideoLengthAcceptsAnyTimeFromZero() throws Exception {
        open(-1);

        harness.processElement(read(event("e1", "GOAL", 90_000_000).build(), 1), 0);

        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    private void open(long videoMs) throws Exception {
        harness = Harnesses.plain(new ValidateEvents(videoMs), FeedRecord.class, SourcedEvent.class);
        harness.open();
    }

    private Object counter(String name) {
        Accumulator<?, ?> accumulator =
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? null : accumulator.getLocalValue();
    }
}

package io.hookline.job;

import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.testing.Events;
import io.hookline.testing.Rules;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupPlaysTest {
    private KeyedOneInputStreamOperatorTestHarness<String, ScoredEvent, Play> harness;

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
    void playsCarryTheVideoTheirMatchDescriptorNames() throws Exception {
        send(withAttributes(
                MatchDescriptor.EVENT_ID, "MATCH_START", 0, 0.0, Map.of(MatchDescriptor.VIDEO, "s3://media/m1.m3u8")));
        send(scored("e1", "GOAL", 1_000, 1.0));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(play -> {
            assertThat(play.getPlayId()).isEqualTo("p-e1");
            assertThat(play.getVideo()).isEqualTo("s3://media/m1.m3u8");
        });
    }

    @Test
    void theEndOfInputClosesEveryPlayOnceAndInOrder() throws Exception {
        send(scored("c1", "GOAL", 90_000, 1.0));
        send(scored("a1", "SHOT", 10_000, 0.5));
        send(scored("b1", "KEY_PASS", 50_000, 0.25));
        send(scored("b2", "SHOT", 52_000, 0.5));

        harness.processWatermark(Long.MAX_VALUE);

        List<Play> plays = harness.extractOutputValues();
        assertThat(plays).extracting(Play::getPlayId).containsExactly("p-a1", "p-b1", "p-c1");
        assertThat(plays.get(1).getScore()).isCloseTo(0.55, within(1e-9));
        assertThat(plays).extracting(Play::getMatchId).containsOnly("m1");
    }

    @Test
    void matchesAreGroupedApart() throws Exception {
        send(scored("e1", "GOAL", 1_000, 1.0));
        ScoredEvent other = scored("x1", "GOAL", 2_000, 1.0);
        other.getEvent().setMatchId("m2");
        send(other);

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .extracting(Play::getMatchId, Play::getPlayId)
                .containsExactlyInAnyOrder(tuple("m1", "p-e1"), tuple("m2", "p-x1"));
    }

    @Test
    void openPlaysSurviveARestore() throws Exception {
        send(scored("e1", "KEY_PASS", 0, 0.25));
        send(scored("e2", "GOAL", 3_000, 1.0));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(play -> {
            assertThat(play.getPlayId()).isEqualTo("p-e1");
            assertThat(play.getEvents()).hasSize(2);
        });
    }

    @Test
    void aMatchEndClosesEveryOpenPlayThenPassesItselfOn() throws Exception {
        send(scored("a1", "SHOT", 10_000, 0.5));
        send(scored("b1", "GOAL", 50_000, 1.0));
        send(scored("b2", "SAVE", 51_000, 0.6));

        send(scored("end", "MATCH_END", 52_000, 0.0));

        assertThat(harness.extractOutputValues()).extracting(Play::getPlayId).containsExactly("p-a1", "p-b1", "p-end");
        assertThat(harness.extractOutputValues().get(1).getEvents()).hasSize(2);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.extractOutputValues()).hasSize(3);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ScoredEvent, Play> harness() throws Exception {
        return Harnesses.keyed(
                new GroupPlays(Rules.GAP_MS, MatchRetention.FOR_THE_RUN, null),
                e -> e.getEvent().getMatchId(),
                ScoredEvent.class,
                Play.class);
    }

    private static ScoredEvent withAttributes(
            String id, String type, long videoMs, double score, Map<String, String> attributes) {
        ScoredEvent e = Events.scored(id, type, videoMs, score);
        e.getEvent().setAttributes(attributes);
        return e;
    }

    private void send(ScoredEvent e) throws Exception {
        harness.processElement(e, e.getEvent().getVideoTimeMs());
    }

    private List<String> playIds() {
        return harness.extractOutputValues().stream().map(Play::getPlayId).toList();
    }
}

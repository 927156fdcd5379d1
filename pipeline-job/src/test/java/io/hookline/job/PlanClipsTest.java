package io.hookline.job;

import static io.hookline.job.Harnesses.side;
import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.model.ClipPlan;
import io.hookline.model.PlanSummary;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.scoring.PlayGrouper;
import io.hookline.testing.Rules;
import java.util.List;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanClipsTest {
    private static final long VIDEO_MS = 600_000;
    private KeyedOneInputStreamOperatorTestHarness<String, Play, ClipPlan> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(VIDEO_MS);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void plansOnlyAtTheEndOfInputBestFirstWithASummary() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));
        send(play("m1", scored("c1", "KEY_PASS", 300_000, 0.25)));

        // Ranking needs every play, so no watermark short of the end releases anything.
        harness.processWatermark(1_000_000_000L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(harness, PlanClips.SUMMARY)).isEmpty();

        harness.processWatermark(Long.MAX_VALUE);

        List<ClipPlan> clips = harness.extractOutputValues();
        assertThat(clips).extracting(ClipPlan::getPlayIds).containsExactly(List.of("p-b1"), List.of("p-a1"));
        assertThat(clips).extracting(ClipPlan::getRank).containsExactly(1, 2);
        assertThat(clips).extracting(ClipPlan::getProfileVersion).containsOnly("v1");
        assertThat(clips.get(0).getSourceStartMs()).isEqualTo(192_000);
        assertThat(clips.get(0).getSourceEndMs()).isEqualTo(205_000);
        assertThat(side(harness, PlanClips.SUMMARY)).containsExactly(new PlanSummary("m1", "v1", 2, 4));
        assertThat(counter(Progress.CLIPS_PLANNED)).isEqualTo(2L);
        assertThat(counter(Progress.RENDITIONS_PLANNED)).isEqualTo(4L);
    }

    @Test
    void eachMatchGetsItsOwnPlanAndSummary() throws Exception {
        send(play("m1", scored("a1", "GOAL", 100_000, 1.0)));
        send(play("m2", scored("x1", "SHOT", 100_000, 0.5)));
        send(play("m2", scored("x2", "GOAL", 200_000, 1.0)));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .extracting(ClipPlan::getMatchId, ClipPlan::getRank)
                .containsExactlyInAnyOrder(tuple("m1", 1), tuple("m2", 1), tuple("m2", 2));
        assertThat(side(harness, PlanClips.SUMMARY))
                .containsExactlyInAnyOrder(new PlanSummary("m1", "v1", 1, 2), new PlanSummary("m2", "v1", 2, 4));
    }

    @Test
    void aMatchWithoutClipsStillGetsASummary() throws Exception {
        // The manifest waits for the summary; an empty plan must not leave it waiting for nothing.
        send(play("m1", scored("f1", "FOUL", 100_000, 0.1)));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(harness, PlanClips.SUMMARY)).containsExactly(new PlanSummary("m1", "v1", 0, 0));
    }

    @Test
    void anUnknownVideoLengthClampsNothingAtTheEnd() throws Exception {
        harness.close();
        harness = harness(-1);
        harness.open();
        send(play("m1", scored("g1", "GOAL", 599_000, 1.0)));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(clip -> assertThat(clip.getSourceEndMs()).isEqualTo(604_000));
    }

    @Test
    void playsWaitingForTheEndSurviveARestore() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness(VIDEO_MS);
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .extracting(ClipPlan::getPlayIds)
                .containsExactly(List.of("p-b1"), List.of("p-a1"));
        assertThat(side(harness, PlanClips.SUMMARY)).containsExactly(new PlanSummary("m1", "v1", 2, 4));
    }

    @Test
    void aMatchEndPlansAtOnceAndTheEndOfInputAddsNothing() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));

        send(play("m1", scored("end", "MATCH_END", 300_000, 0.0)));

        assertThat(harness.extractOutputValues())
                .extracting(ClipPlan::getPlayIds)
                .containsExactly(List.of("p-b1"), List.of("p-a1"));
        assertThat(side(harness, PlanClips.SUMMARY)).containsExactly(new PlanSummary("m1", "v1", 2, 4));

        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(side(harness, PlanClips.SUMMARY)).hasSize(1);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Play, ClipPlan> harness(long videoMs)
            throws Exception {
        return Harnesses.keyed(
                new PlanClips(Rules.profiles("v1"), videoMs, MatchRetention.FOR_THE_RUN, null),
                Play::getMatchId,
                Play.class,
                ClipPlan.class);
    }

    private static Play play(String matchId, ScoredEvent... events) {
        for (ScoredEvent e : events) {
            e.getEvent().setMatchId(matchId);
        }
        return PlayGrouper.play(List.of(events));
    }

    /** Plays reach the planner stamped with the time their group closed. */
    private void send(Play play) throws Exception {
        harness.processElement(play, play.getEndMs() + Rules.GAP_MS);
    }

    private Object counter(String name) {
        Accumulator<?, ?> accumulator =
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? null : accumulator.getLocalValue();
    }
}

package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.ClipKind;
import io.hookline.model.MatchManifest;
import io.hookline.model.PlanSummary;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectManifestTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, PlanSummary, RenderedClip, MatchManifest> harness;

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
    void theManifestGoesOutWhenTheLastPlannedClipArrivesRankedBestFirst() throws Exception {
        summary("m1", 3);
        rendered(clip("m1", 3));
        rendered(clip("m1", 1));
        assertThat(harness.extractOutputValues()).isEmpty();

        rendered(clip("m1", 2));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(manifest -> {
            assertThat(manifest.getMatchId()).isEqualTo("m1");
            assertThat(manifest.getProfileVersion()).isEqualTo("v1");
            assertThat(manifest.getClips()).extracting(RenderedClip::getRank).containsExactly(1, 2, 3);
            assertThat(manifest.getClips().get(0)).isEqualTo(clip("m1", 1));
        });
        assertThat(harness.numKeyedStateEntries())
                .as("nothing of the match is left")
                .isZero();
        assertThat(harness.numEventTimeTimers())
                .as("no timer waits for an end a live input never reaches")
                .isZero();
    }

    @Test
    void clipsThatArriveBeforeThePlanAreReleasedByIt() throws Exception {
        rendered(clip("m1", 2));
        rendered(clip("m1", 1));
        assertThat(harness.extractOutputValues()).isEmpty();

        summary("m1", 2);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(m -> assertThat(m.getClips())
                        .extracting(RenderedClip::getRank)
                        .containsExactly(1, 2));
    }

    @Test
    void aMissingClipHoldsTheManifestUntilTheEndOfInput() throws Exception {
        summary("m1", 3);
        rendered(clip("m1", 2));
        rendered(clip("m1", 1));
        harness.processBothWatermarks(new Watermark(1_000_000_000L));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(m -> assertThat(m.getClips())
                        .extracting(RenderedClip::getRank)
                        .containsExactly(1, 2));
    }

    @Test
    void clipsWithoutAPlanAreReleasedAtTheEndOfInput() throws Exception {
        rendered(clip("m1", 1));

        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(m -> assertThat(m.getClips()).hasSize(1));
    }

    @Test
    void aPlanWithoutClipsGivesAnEmptyManifestAtOnce() throws Exception {
        summary("m1", 0);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(m -> assertThat(m.getClips()).isEmpty());
    }

    @Test
    void aReleasedManifestIsNotSentAgainAtTheEnd() throws Exception {
        summary("m1", 1);
        rendered(clip("m1", 1));

        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void eachMatchCountsItsOwnClips() throws Exception {
        summary("m1", 1);
        summary("m2", 2);
        rendered(clip("m2", 1));
        rendered(clip("m1", 1));

        assertThat(harness.extractOutputValues())
                .extracting(MatchManifest::getMatchId)
                .containsExactly("m1");

        rendered(clip("m2", 2));
        assertThat(harness.extractOutputValues())
                .extracting(MatchManifest::getMatchId)
                .containsExactly("m1", "m2");
    }

    @Test
    void aHalfCollectedMatchSurvivesARestore() throws Exception {
        summary("m1", 2);
        rendered(clip("m1", 2));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        rendered(clip("m1", 1));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(m -> assertThat(m.getClips()).containsExactly(clip("m1", 1), clip("m1", 2)));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, PlanSummary, RenderedClip, MatchManifest> harness()
            throws Exception {
        return Harnesses.keyedTwo(
                new CollectManifest("v1", MatchRetention.FOR_THE_RUN, false),
                PlanSummary::getMatchId,
                PlanSummary.class,
                RenderedClip::getMatchId,
                RenderedClip.class,
                MatchManifest.class);
    }

    private void summary(String matchId, int clips) throws Exception {
        harness.processElement1(new PlanSummary(matchId, "v1", clips, clips * 2), Long.MAX_VALUE);
    }

    private void rendered(RenderedClip clip) throws Exception {
        harness.processElement2(clip, Long.MAX_VALUE);
    }

    /** A rendered clip with one rendition that worked and one that did not. */
    static RenderedClip clip(String matchId, int rank) {
        return RenderedClip.newBuilder()
                .setClipId(matchId + "-clip-" + rank)
                .setMatchId(matchId)
                .setKind(ClipKind.play)
                .setRank(rank)
                .setScore(1.0 / rank)
                .setTitle("Goal — Léa Martin (" + rank + "-0)")
                .setSourceStartMs(rank * 60_000L)
                .setSourceEndMs(rank * 60_000L + 13_000)
                .setPeakMs(rank * 60_000L + 8_000)
                .setExplanation("GOAL 1.00")
                .setSegments(
                        List.of(new Segment(SegmentRole.hook, rank * 60_000L + 7_000, rank * 60_000L + 9_000, 1.0)))
                .setRenditions(List.of(
                        Rendition.newBuilder()
                                .setProfile("wide")
                                .setPath("wide/" + rank + ".mp4")
                                .setWidth(1280)
                                .setHeight(720)
                                .setFps(25)
                                .setDurationMs(15_000)
                                .setBytes(1_234_567)
                                .setSha256("ab".repeat(32))
                                .setStatus(RenditionStatus.ok)
                                .build(),
                        Rendition.newBuilder()
                                .setProfile("tall")
                                .setWidth(720)
                                .setHeight(1280)
                                .setFps(25)
                                .setDurationMs(0)
                                .setBytes(0)
                                .setStatus(RenditionStatus.failed)
                                .setError("encoder failed")
                                .build()))
                .build();
    }
}

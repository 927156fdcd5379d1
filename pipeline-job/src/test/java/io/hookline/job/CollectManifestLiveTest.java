package io.hookline.job;

import static io.hookline.job.CollectManifestTest.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.model.MatchManifest;
import io.hookline.model.PlanSummary;
import io.hookline.model.RenderedClip;
import java.util.List;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A live match's manifest: rewritten as clips land, ranked among the clips so far, final at the match's end. */
class CollectManifestLiveTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, PlanSummary, RenderedClip, MatchManifest> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.keyedTwo(
                new CollectManifest("v1", MatchRetention.FOR_THE_RUN, true),
                PlanSummary::getMatchId,
                PlanSummary.class,
                RenderedClip::getMatchId,
                RenderedClip.class,
                MatchManifest.class);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eachLandingClipRewritesTheManifestRankedAmongTheClipsSoFar() throws Exception {
        // Planned as rank 1 when it was the only clip; a better one lands later.
        harness.processElement2(withRank(clip("m1", 2), 1), 0);
        harness.processElement2(withRank(clip("m1", 1), 1), 0);

        List<MatchManifest> manifests = harness.extractOutputValues();
        assertThat(manifests).hasSize(2);
        assertThat(manifests).extracting(MatchManifest::getRanksFinal).containsOnly(false);
        assertThat(manifests.get(1).getClips())
                .extracting(RenderedClip::getClipId, RenderedClip::getRank)
                .containsExactly(tuple("m1-clip-1", 1), tuple("m1-clip-2", 2));
    }

    @Test
    void theRanksAreFinalOnceTheSummaryAndEveryClipAreIn() throws Exception {
        harness.processElement2(clip("m1", 1), 0);
        harness.processElement1(new PlanSummary("m1", "v1", 2, 4), 0);
        assertThat(harness.extractOutputValues())
                .extracting(MatchManifest::getRanksFinal)
                .containsExactly(false, false);

        harness.processElement2(clip("m1", 2), 0);

        assertThat(harness.extractOutputValues()).last().satisfies(m -> {
            assertThat(m.getRanksFinal()).isTrue();
            assertThat(m.getClips()).hasSize(2);
        });
    }

    @Test
    void aWithdrawnClipStaysListedLastAndNamesWhatReplacesIt() throws Exception {
        harness.processElement2(clip("m1", 1), 0);
        harness.processElement2(clip("m1", 2), 0);
        // The withdrawal of a clip still rendering comes before the clip itself.
        harness.processElement2(withdrawal("m1-clip-3", "m1-clip-2"), 0);
        harness.processElement2(withdrawal("m1-clip-1", "m1-clip-2"), 0);
        harness.processElement2(clip("m1", 3), 0);

        assertThat(harness.extractOutputValues())
                .last()
                .satisfies(m -> assertThat(m.getClips())
                        .extracting(
                                RenderedClip::getClipId,
                                RenderedClip::getRank,
                                RenderedClip::getWithdrawn,
                                RenderedClip::getReplacedBy)
                        .containsExactly(
                                tuple("m1-clip-2", 1, false, null),
                                tuple("m1-clip-1", 0, true, "m1-clip-2"),
                                tuple("m1-clip-3", 0, true, "m1-clip-2")));
    }

    private static RenderedClip withRank(RenderedClip clip, int rank) {
        return RenderedClip.newBuilder(clip).setRank(rank).build();
    }

    private static RenderedClip withdrawal(String clipId, String replacedBy) {
        return RenderedClip.newBuilder(clip("m1", 9))
                .setClipId(clipId)
                .setRenditions(List.of())
                .setWithdrawn(true)
                .setReplacedBy(replacedBy)
                .setNotes(List.of("withdrawn: a correction replaced play p-x"))
                .build();
    }
}

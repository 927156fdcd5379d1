package io.hookline.job;

import static io.hookline.job.Harnesses.side;
import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.PlanSummary;
import io.hookline.model.Play;
import io.hookline.model.RenderedClip;
import io.hookline.model.ScoredEvent;
import io.hookline.planning.ClipIds;
import io.hookline.profiles.CompilationRules;
import io.hookline.profiles.CompilationRules.Compilation;
import io.hookline.profiles.CompilationRules.Kind;
import io.hookline.scoring.PlayGrouper;
import io.hookline.storage.ProfileStore;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.Rules;
import io.hookline.testing.TestProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live planner: a clip per play at once, compilations as periods and the match end, corrections withdrawn. */
class PlanLiveClipsTest {
    private static final CompilationRules COMPILATIONS = new CompilationRules(
            List.of(new Compilation(Kind.TOP, 5, 120_000, 2), new Compilation(Kind.PERIOD, 5, 120_000, 2)), 1);

    private KeyedTwoInputStreamOperatorTestHarness<String, Play, String, ClipPlan> harness;

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
    void eachPlaysClipIsPlannedAtOnceRankedAmongTheClipsSoFar() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        assertThat(harness.extractOutputValues())
                .extracting(ClipPlan::getPlayIds, ClipPlan::getRank)
                .containsExactly(tuple(List.of("p-a1"), 1));

        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));
        send(play("m1", scored("c1", "KEY_PASS", 300_000, 0.25)));
        send(play("m1", scored("d1", "SHOT", 400_000, 0.4)));

        assertThat(harness.extractOutputValues())
                .extracting(ClipPlan::getPlayIds, ClipPlan::getRank)
                .containsExactly(tuple(List.of("p-a1"), 1), tuple(List.of("p-b1"), 1), tuple(List.of("p-d1"), 3));
        assertThat(side(harness, PlanClips.SUMMARY))
                .as("the ranks are not final before the match ends")
                .isEmpty();
    }

    @Test
    void aPeriodEndPlansTheBestOfThatPeriodAndTheMatchEndTheRest() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));
        send(play("m1", scored("b2", "SHOT", 205_000, 0.5), scored("end1", "PERIOD_END", 206_000, 0.0)));

        assertThat(harness.extractOutputValues()).last().satisfies(reel -> {
            assertThat(reel.getKind()).isEqualTo(ClipKind.compilation);
            assertThat(reel.getTitle()).isEqualTo("Best of period 1");
            assertThat(reel.getPlayIds()).containsExactly("p-b1", "p-a1", "p-b2");
        });

        ScoredEvent second = scored("c1", "GOAL", 900_000, 1.0);
        second.getEvent().setPeriod(2);
        send(play("m1", second));
        send(play("m1", scored("end", "MATCH_END", 1_000_000, 0.0)));

        List<ClipPlan> clips = harness.extractOutputValues();
        assertThat(clips).extracting(ClipPlan::getTitle).containsSubsequence("Best of period 1", "Top 4 plays");
        assertThat(clips).extracting(ClipPlan::getTitle).doesNotContain("Best of period 2");
        assertThat(side(harness, PlanClips.SUMMARY))
                .containsExactly(new PlanSummary("m1", "v1", clips.size(), clips.size() * 2));
    }

    @Test
    void aCorrectedPlayGetsANewClipAndTheClipsThatShowedTheOldAreWithdrawn() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0), scored("end1", "PERIOD_END", 201_000, 0.0)));
        List<ClipPlan> before = harness.extractOutputValues();
        String oldClip = before.get(0).getClipId();
        String oldReel = before.get(2).getClipId();

        Play corrected = Play.newBuilder(PlayGrouper.play(List.of(scored("a1", "GOAL", 100_000, 0.9)), "p-a1~2"))
                .setReplaces("p-a1")
                .build();
        corrected.getEvents().get(0).getEvent().setMatchId("m1");
        corrected.setMatchId("m1");
        send(corrected);

        List<ClipPlan> after = harness.extractOutputValues()
                .subList(before.size(), harness.extractOutputValues().size());
        assertThat(after)
                .extracting(ClipPlan::getKind, ClipPlan::getPlayIds)
                .containsExactly(
                        tuple(ClipKind.play, List.of("p-a1~2")),
                        tuple(ClipKind.compilation, List.of("p-b1", "p-a1~2")));
        assertThat(side(harness, PlanLiveClips.WITHDRAWN))
                .extracting(RenderedClip::getClipId, RenderedClip::getWithdrawn, RenderedClip::getReplacedBy)
                .containsExactly(
                        tuple(oldClip, true, after.get(0).getClipId()),
                        tuple(oldReel, true, after.get(1).getClipId()));
        assertThat(after.get(0).getClipId()).isNotEqualTo(oldClip);
    }

    @Test
    void aPlayWhoseEventsWereAllDeletedWithdrawsItsClipWithNothingInItsPlace() throws Exception {
        send(play("m1", scored("a1", "GOAL", 100_000, 1.0)));
        String oldClip = harness.extractOutputValues().get(0).getClipId();
        Play old = play("m1", scored("a1", "GOAL", 100_000, 1.0));

        send(Play.newBuilder(old)
                .setPlayId("p-a1~2")
                .setReplaces("p-a1")
                .setEvents(List.of())
                .build());

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(side(harness, PlanLiveClips.WITHDRAWN)).singleElement().satisfies(w -> {
            assertThat(w.getClipId()).isEqualTo(oldClip);
            assertThat(w.getReplacedBy()).isNull();
            assertThat(w.getNotes()).containsExactly("withdrawn: a correction replaced play p-a1");
        });
    }

    @Test
    void aRollingCompilationComesEachTimeTheMatchPassesItsInterval() throws Exception {
        harness.close();
        harness = harness(ProfileVersions.fixed(Rules.profiles(
                "v1", new CompilationRules(List.of(new Compilation(Kind.SO_FAR, 5, 120_000, 2, 60_000)), 1))));
        harness.open();

        send(play("m1", scored("a1", "SHOT", 10_000, 0.5)));
        send(play("m1", scored("b1", "GOAL", 30_000, 1.0)));
        send(play("m1", scored("c1", "SHOT", 70_000, 0.5)));
        send(play("m1", scored("d1", "SHOT", 100_000, 0.5)));
        send(play("m1", scored("e1", "SHOT", 130_000, 0.5)));

        assertThat(harness.extractOutputValues())
                .filteredOn(c -> c.getKind() == ClipKind.compilation)
                .extracting(ClipPlan::getTitle, ClipPlan::getPlayIds)
                .containsExactly(
                        tuple("The best so far (1 min)", List.of("p-b1", "p-a1")),
                        tuple("The best so far (2 min)", List.of("p-b1", "p-a1", "p-c1", "p-d1")));
    }

    @Test
    void matchesArePlannedApartAndSurviveARestore() throws Exception {
        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        send(play("m2", scored("x1", "GOAL", 100_000, 1.0)));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));
        send(play("m2", scored("x2", "SHOT", 200_000, 0.5)));

        assertThat(harness.extractOutputValues())
                .extracting(ClipPlan::getMatchId, ClipPlan::getPlayIds, ClipPlan::getRank)
                .containsExactly(tuple("m1", List.of("p-b1"), 1), tuple("m2", List.of("p-x2"), 2));
    }

    @Test
    void aNewProfileVersionPlansTheNextPlaysAndARestoreKeepsIt(@TempDir Path dir) throws Exception {
        ProfileStore store = ProfileStore.open(dir.resolve("store").toString(), S3Settings.defaults());
        String pushed = store.push(TestProfiles.write(dir.resolve("set")));
        ProfileVersions versions = new ProfileVersions(
                Rules.profiles("v1", COMPILATIONS), dir.resolve("store").toString(), S3Settings.defaults(), null);
        harness.close();
        harness = harness(versions);
        harness.open();

        send(play("m1", scored("a1", "SHOT", 100_000, 0.5)));
        harness.processElement2(pushed, 0);
        send(play("m1", scored("b1", "GOAL", 200_000, 1.0)));
        List<ClipPlan> plans = new ArrayList<>(harness.extractOutputValues());
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = harness(versions);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement2(PollProfiles.NOTHING_NEW, 0);
        send(play("m1", scored("c1", "SHOT", 300_000, 0.5)));

        plans.addAll(harness.extractOutputValues());
        assertThat(plans)
                .extracting(ClipPlan::getPlayIds, ClipPlan::getProfileVersion)
                .containsExactly(
                        tuple(List.of("p-a1"), "v1"), tuple(List.of("p-b1"), pushed), tuple(List.of("p-c1"), pushed));
        assertThat(plans)
                .allSatisfy(p -> assertThat(p.getClipId())
                        .isEqualTo(ClipIds.of("m1", p.getPlayIds(), p.getRule(), p.getProfileVersion())));
        assertThat(plans.get(0).getRenditions()).isEqualTo(Rules.profiles("v1").renditionNames());
        assertThat(plans.get(1).getRenditions()).containsExactly("small-landscape", "small-vertical");
        assertThat(plans.get(2).getRenditions()).containsExactly("small-landscape", "small-vertical");
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Play, String, ClipPlan> harness() throws Exception {
        return harness(ProfileVersions.fixed(Rules.profiles("v1", COMPILATIONS)));
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, Play, String, ClipPlan> harness(ProfileVersions versions)
            throws Exception {
        return Harnesses.keyedBroadcast(
                new PlanLiveClips(versions, MatchRetention.FOR_THE_RUN),
                PlanLiveClips.PROFILE_VERSION,
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

    private void send(Play play) throws Exception {
        harness.processElement1(play, play.getEndMs());
    }
}

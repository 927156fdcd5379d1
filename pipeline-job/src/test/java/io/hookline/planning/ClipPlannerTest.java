package io.hookline.planning;

import static io.hookline.testing.Events.event;
import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.scoring.PlayGrouper;
import io.hookline.testing.Rules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClipPlannerTest {
    private static final long VIDEO_MS = 600_000;
    private final ClipPlanner planner = new ClipPlanner(Rules.profiles("v1"), VIDEO_MS);

    @ParameterizedTest(name = "peak {0}: {1}..{2}")
    @CsvSource({
        // GOAL: 8 s before the first event, 5 s after the last.
        "GOAL, 1.0, 52000, 68000",
        // SHOT: 6 s before, 3 s after.
        "SHOT, 0.5, 54000, 66000",
    })
    void windowTakesPreAndPostRollFromThePeaksRule(String peakType, double peakScore, long start, long end) {
        Play play = play(
                scored("e1", "KEY_PASS", 60_000, 0.25),
                scored("e2", peakType, 62_000, peakScore),
                scored("e3", "FOUL", 63_000, 0.1));

        ClipPlan clip = only(planner.plan("m1", List.of(play)));

        assertThat(clip.getSourceStartMs()).isEqualTo(start);
        assertThat(clip.getSourceEndMs()).isEqualTo(end);
        assertThat(clip.getPeakMs()).isEqualTo(62_000);
        assertThat(segment(clip, SegmentRole.body)).isEqualTo(new Segment(SegmentRole.body, start, end, 1.0));
        assertThat(clip.getNotes()).isEmpty();
    }

    @ParameterizedTest(name = "goal at {0} of {1}: {2}..{3}")
    @CsvSource({
        "3000,   600000, 0,      8000",
        "0,      600000, 0,      5000",
        "597000, 600000, 589000, 600000",
        "600000, 600000, 592000, 600000",
        // An unknown length (the job passes Long.MAX_VALUE) clamps nothing at the end.
        "597000, 9223372036854775807, 589000, 602000",
    })
    void windowStaysInsideTheVideo(long goalMs, long videoMs, long start, long end) {
        ClipPlanner planner = new ClipPlanner(Rules.profiles("v1"), videoMs);

        ClipPlan clip = only(planner.plan("m1", List.of(play(scored("e1", "GOAL", goalMs, 1.0)))));

        assertThat(clip.getSourceStartMs()).isEqualTo(start);
        assertThat(clip.getSourceEndMs()).isEqualTo(end);
    }

    @Test
    void aPlayWhosePeakMakesNoClipIsLeftOut() {
        Play buildUpOnly = play(scored("a1", "FOUL", 10_000, 0.1), scored("a2", "KEY_PASS", 11_000, 0.25));
        // A shot that scored less than the pass before it: the play peaks on the pass.
        Play weakShot = play(scored("b1", "KEY_PASS", 50_000, 0.25), scored("b2", "SHOT", 51_000, 0.2));
        // DUNK is not in the test rules at all.
        Play unlisted = play(scored("c1", "DUNK", 90_000, 0.0));
        Play goal = play(scored("d1", "GOAL", 120_000, 1.0));

        List<ClipPlan> clips = planner.plan("m1", List.of(buildUpOnly, weakShot, unlisted, goal));

        assertThat(clips).extracting(ClipPlan::getPlayIds).containsExactly(List.of("p-d1"));
        assertThat(clips).extracting(ClipPlan::getRank).containsExactly(1);
    }

    @ParameterizedTest(name = "peak at {0}: {1}..{2}")
    @CsvSource({
        // A 60 s play (100 s to 160 s) is a 73 s window; 8/13 of the 30 s budget goes before the peak.
        "100000, 92000,  122000",
        "130000, 111539, 141539",
        // Too little video after a late peak: the rest of the budget goes to the build-up.
        "160000, 135000, 165000",
    })
    void aLongPlayIsTrimmedAroundItsPeak(long peakMs, long start, long end) {
        Play play = play(
                scored("e1", "KEY_PASS", 100_000, 0.25),
                scored("e2", "GOAL", peakMs, 1.0),
                scored("e3", "KEY_PASS", 160_000, 0.25));

        ClipPlan clip = only(planner.plan("m1", List.of(play)));

        assertThat(clip.getSourceStartMs()).isEqualTo(start);
        assertThat(clip.getSourceEndMs()).isEqualTo(end);
        assertThat(clip.getSourceEndMs() - clip.getSourceStartMs()).isEqualTo(Rules.MAX_PLAY_MS);
        assertThat(clip.getPeakMs()).isBetween(start, end);
        assertThat(clip.getNotes()).containsExactly("clip of 73.0 s trimmed around its peak to 30.0 s");
    }

    @Test
    void aShortPlayWithLongRollsIsTrimmedToo() {
        // 20 s of play plus 8 s before and 5 s after is 33 s.
        Play play = play(scored("e1", "KEY_PASS", 100_000, 0.25), scored("e2", "GOAL", 120_000, 1.0));

        ClipPlan clip = only(planner.plan("m1", List.of(play)));

        assertThat(clip.getSourceStartMs()).isEqualTo(95_000);
        assertThat(clip.getSourceEndMs()).isEqualTo(125_000);
        assertThat(clip.getNotes()).containsExactly("clip of 33.0 s trimmed around its peak to 30.0 s");
    }

    @Test
    void aWindowOfExactlyTheMaximumIsKept() {
        Play play = play(scored("e1", "KEY_PASS", 100_000, 0.25), scored("e2", "GOAL", 117_000, 1.0));

        ClipPlan clip = only(planner.plan("m1", List.of(play)));

        assertThat(clip.getSourceStartMs()).isEqualTo(92_000);
        assertThat(clip.getSourceEndMs()).isEqualTo(122_000);
        assertThat(clip.getNotes()).isEmpty();
    }

    @ParameterizedTest(name = "goal at {0} of {1}: hook {2}..{3}")
    @CsvSource({
        // Centred on the peak when there is room.
        "300000, 600000, 299000, 301000",
        // Pushed right by the start of the video, left by its end.
        "500,    600000, 0,      2000",
        "599500, 600000, 598000, 600000",
        // A window shorter than the hook is all hook.
        "0,      1000,   0,      1000",
    })
    void hookComesFirstAroundThePeakAndInsideTheWindow(long goalMs, long videoMs, long hookStart, long hookEnd) {
        ClipPlanner planner = new ClipPlanner(Rules.profiles("v1"), videoMs);

        ClipPlan clip = only(planner.plan("m1", List.of(play(scored("e1", "GOAL", goalMs, 1.0)))));

        assertThat(clip.getSegments()).extracting(Segment::getRole).containsExactly(SegmentRole.hook, SegmentRole.body);
        Segment hook = clip.getSegments().get(0);
        assertThat(hook.getSourceStartMs()).isEqualTo(hookStart);
        assertThat(hook.getSourceEndMs()).isEqualTo(hookEnd);
        assertThat(hook.getSourceStartMs()).isGreaterThanOrEqualTo(clip.getSourceStartMs());
        assertThat(hook.getSourceEndMs()).isLessThanOrEqualTo(clip.getSourceEndMs());
    }

    @Test
    void hookOfATrimmedPlayStaysInsideTheTrimmedWindow() {
        Play play = play(scored("e1", "KEY_PASS", 100_000, 0.25), scored("e2", "GOAL", 160_000, 1.0));

        ClipPlan clip = only(planner.plan("m1", List.of(play)));

        assertThat(clip.getSegments().get(0)).isEqualTo(new Segment(SegmentRole.hook, 159_000L, 161_000L, 1.0));
        assertThat(clip.getSegments().get(1)).isEqualTo(new Segment(SegmentRole.body, 135_000L, 165_000L, 1.0));
    }

    @Test
    void clipsAreRankedByScoreThenByEarlierPeak() {
        List<Play> plays = List.of(
                play(scored("a", "SHOT", 100_000, 0.5)),
                play(scored("c", "GOAL", 300_000, 1.0)),
                play(scored("d", "GOAL", 50_000, 1.2)),
                play(scored("b", "GOAL", 200_000, 1.0)));

        List<ClipPlan> clips = planner.plan("m1", plays);

        assertThat(clips)
                .extracting(ClipPlan::getPlayIds)
                .containsExactly(List.of("p-d"), List.of("p-b"), List.of("p-c"), List.of("p-a"));
        assertThat(clips).extracting(ClipPlan::getRank).containsExactly(1, 2, 3, 4);
        assertThat(clips).extracting(ClipPlan::getScore).containsExactly(1.2, 1.0, 1.0, 0.5);
    }

    @Test
    void theSamePlaysGiveTheSamePlanInAnyOrder() {
        List<Play> plays = match();
        List<Play> reversed = new ArrayList<>(plays);
        Collections.reverse(reversed);

        List<ClipPlan> first = planner.plan("m1", plays);
        List<ClipPlan> again = new ClipPlanner(Rules.profiles("v1"), VIDEO_MS).plan("m1", reversed);

        assertThat(again).isEqualTo(first);
        assertThat(first)
                .extracting(ClipPlan::getClipId)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[0-9a-f]{16}"));
        assertThat(first.get(0).getClipId()).isEqualTo(ClipIds.of("m1", List.of("p-g0"), "test/play", "v1"));
    }

    @Test
    void anotherProfileVersionGivesNewIdsForTheSameClips() {
        List<ClipPlan> v1 = planner.plan("m1", match());
        List<ClipPlan> v2 = new ClipPlanner(Rules.profiles("v2"), VIDEO_MS).plan("m1", match());

        assertThat(v2).hasSameSizeAs(v1);
        for (int i = 0; i < v1.size(); i++) {
            assertThat(v2.get(i).getClipId()).isNotEqualTo(v1.get(i).getClipId());
            assertThat(v2.get(i).getProfileVersion()).isEqualTo("v2");
            assertThat(v2.get(i).getSourceStartMs()).isEqualTo(v1.get(i).getSourceStartMs());
        }
    }

    @Test
    void anotherMatchGivesNewIds() {
        List<ClipPlan> m1 = planner.plan("m1", match());
        List<ClipPlan> m2 = planner.plan("m2", match());

        assertThat(m2)
                .extracting(ClipPlan::getClipId)
                .doesNotContainAnyElementsOf(
                        m1.stream().map(ClipPlan::getClipId).toList());
        assertThat(m2).extracting(ClipPlan::getMatchId).containsOnly("m2");
    }

    @Test
    void clipCarriesWhatTheRendererAndTheManifestNeed() {
        MatchEvent goal = event("g1", "GOAL", 62_000)
                .setPlayers(List.of("Léa Martin", "Ana Silva"))
                .setScore(new Score(2, 1))
                .build();
        ScoredEvent scoredGoal = ScoredEvent.newBuilder()
                .setEvent(goal)
                .setScore(1.25)
                .setExplanation("GOAL 1.00 x lead change 1.25")
                .setScoreBefore(new Score(1, 1))
                .setLeadChange(true)
                .build();
        Play play = play(scored("k1", "KEY_PASS", 60_000, 0.25), scoredGoal);

        ClipPlan clip = only(planner.plan("m1", List.of(play)));

        assertThat(clip.getKind()).isEqualTo(ClipKind.play);
        assertThat(clip.getTitle()).isEqualTo("Goal — Léa Martin (2-1)");
        assertThat(clip.getRule()).isEqualTo("test/play");
        assertThat(clip.getProfileVersion()).isEqualTo("v1");
        assertThat(clip.getPlayIds()).containsExactly("p-k1");
        assertThat(clip.getRenditions()).containsExactly("wide", "tall");
        assertThat(clip.getScore()).isCloseTo(1.3, within(1e-9));
        assertThat(clip.getExplanation()).isEqualTo("GOAL 1.00 x lead change 1.25 + build-up 0.05");
        assertThat(clip.getMatchId()).isEqualTo("m1");
    }

    @Test
    void plansWithTheShippedProfiles() throws ProfileException {
        ProfileSet shipped = ProfileLoader.loadBundled();
        Play play = play(scored("k1", "KEY_PASS", 97_000, 0.35), scored("g1", "GOAL", 100_000, 1.0));

        ClipPlan clip = only(new ClipPlanner(shipped, VIDEO_MS).plan("m1", List.of(play)));

        // The shipped rules: 6 s before the play's first event, 4 s after its last, and the peak again at the
        // end, 1.5 s of it at half speed.
        assertThat(clip.getSegments())
                .containsExactly(
                        new Segment(SegmentRole.hook, 99_250L, 100_750L, 1.0),
                        new Segment(SegmentRole.body, 91_000L, 104_000L, 1.0),
                        new Segment(SegmentRole.replay, 99_250L, 100_750L, 0.5));
        assertThat(clip.getRule()).isEqualTo("default/play");
        assertThat(clip.getRenditions()).containsExactlyElementsOf(shipped.renditionNames());
        assertThat(clip.getRenditions())
                .contains("youtube-landscape", "youtube-shorts", "instagram-reels", "tiktok", "whatsapp");
        assertThat(clip.getClipId()).isEqualTo(ClipIds.of("m1", List.of("p-k1"), "default/play", shipped.version()));
    }

    @Test
    void noPlaysNoClips() {
        assertThat(planner.plan("m1", List.of())).isEmpty();
    }

    /** A goal, a shot and a pass-only play. */
    private static List<Play> match() {
        return List.of(
                play(scored("s1", "SHOT", 30_000, 0.5)),
                play(scored("k1", "KEY_PASS", 60_000, 0.25)),
                play(scored("g0", "KEY_PASS", 88_000, 0.25), scored("g1", "GOAL", 90_000, 1.0)));
    }

    private static Play play(ScoredEvent... events) {
        return PlayGrouper.play(List.of(events));
    }

    private static ClipPlan only(List<ClipPlan> clips) {
        assertThat(clips).hasSize(1);
        return clips.get(0);
    }

    private static Segment segment(ClipPlan clip, SegmentRole role) {
        return clip.getSegments().stream()
                .filter(s -> s.getRole() == role)
                .findFirst()
                .orElseThrow();
    }
}

package io.hookline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.MatchEvent;
import io.hookline.model.MediaSignals;
import io.hookline.model.Play;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.CompilationRules;
import io.hookline.profiles.CompilationRules.Compilation;
import io.hookline.profiles.CompilationRules.Kind;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileSet;
import io.hookline.scoring.PlayGrouper;
import io.hookline.testing.Events;
import io.hookline.testing.Rules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Compilations from the test rules (GOAL clips 8 s before and 5 s after, SHOT 6 s and 3 s, 2 s hooks, 30 s at
 * most) and a teaser of 2 hooks. The plays, best first:
 *
 * <pre>
 * g1  GOAL  Ana (home, Lions)  period 1  at 100 s  1.20  window  92..105 s (13 s)
 * g2  GOAL  Bea (away)         period 1  at 200 s  1.15  window 175..205 s (30 s, trimmed; its pass was at 150 s)
 * s1  SHOT  Ana (home, Lions)  period 2  at 400 s  0.90  window 393..404 s (11 s, snapped to shot cuts)
 * s2  SHOT  Cai (away)         period 2  at 500 s  0.80  window 494..503 s (9 s)
 * s3  SHOT  Ana (home, Lions)  period 2  at 600 s  0.70  window 594..603 s (9 s)
 * f1  FOUL  Ana (home, Lions)  period 2  at 700 s  0.10  no clip
 * </pre>
 *
 * A play takes its window in a compilation, and also its hook while it is among the teaser's plays.
 */
class CompilationPlannerTest {
    private static final long VIDEO_MS = 900_000;
    private static final long HOOK_MS = Rules.HOOK_MS;

    @Test
    void theTopCompilationShowsTheBestWholePlaysThatFitBestFirst() {
        List<ClipPlan> plan = plan(new Compilation(Kind.TOP, 4, 45_000, 2));
        ClipPlan top = compilation(plan, "Top 3 plays");

        // g1 takes 15 s with its hook; g2 would take 32 s more, past 45 s, so it is left out and the next best come
        // in: s1 (13 s with its hook, 28 s), s2 (37 s); s3 would make 46 s. Three plays fit, though four were allowed.
        assertThat(top.getPlayIds()).containsExactly("p-g1", "p-s1", "p-s2");
        assertThat(top.getSegments())
                .extracting(Segment::getRole)
                .containsExactly(
                        SegmentRole.teaser, SegmentRole.teaser, SegmentRole.body, SegmentRole.body, SegmentRole.body);
        assertThat(duration(top)).isEqualTo(37_000).isLessThanOrEqualTo(45_000);
        assertThat(top.getScore()).isCloseTo((1.2 + 0.9 + 0.8) / 3, within(1e-9));
        assertThat(top.getExplanation()).isEqualTo("3 plays, mean score 0.97; opens on: GOAL 1.2");
        assertThat(top.getPeakMs()).isEqualTo(100_000);
        assertThat(top.getSourceStartMs()).isEqualTo(92_000);
        assertThat(top.getSourceEndMs()).isEqualTo(503_000);
        assertThat(top.getRule()).isEqualTo("test/top");
        assertThat(top.getKind()).isEqualTo(ClipKind.compilation);
    }

    @Test
    void theTitleCountsThePlaysThatFitAndThePlaysLimitCapsThem() {
        assertThat(titles(plan(new Compilation(Kind.TOP, 2, 45_000, 2)))).containsExactly("Top 2 plays");
        assertThat(titles(plan(new Compilation(Kind.TOP, 10, 120_000, 2)))).containsExactly("Top 5 plays");
    }

    @Test
    void everyStretchOfACompilationIsTheSameAsInItsPlaysOwnClip() {
        List<ClipPlan> plan = plan(
                new Compilation(Kind.TOP, 4, 45_000, 2),
                new Compilation(Kind.PERIOD, 5, 45_000, 2),
                new Compilation(Kind.PLAYER, 5, 60_000, 3),
                new Compilation(Kind.TEAM, 5, 60_000, 2));
        Map<String, ClipPlan> clips = new HashMap<>();
        plan.stream()
                .filter(c -> c.getKind() == ClipKind.play)
                .forEach(c -> clips.put(c.getPlayIds().get(0), c));
        List<ClipPlan> compilations =
                plan.stream().filter(c -> c.getKind() == ClipKind.compilation).toList();
        assertThat(compilations).hasSize(5);

        for (ClipPlan compilation : compilations) {
            List<Segment> teaser = segments(compilation, SegmentRole.teaser);
            List<Segment> body = segments(compilation, SegmentRole.body);
            assertThat(body).as(compilation.getTitle()).hasSameSizeAs(compilation.getPlayIds());
            assertThat(teaser).as(compilation.getTitle()).hasSize(2);
            for (int i = 0; i < body.size(); i++) {
                ClipPlan own = clips.get(compilation.getPlayIds().get(i));
                assertThat(range(body.get(i)))
                        .as(compilation.getTitle())
                        .isEqualTo(range(segments(own, SegmentRole.body).get(0)));
                if (i < teaser.size()) {
                    assertThat(range(teaser.get(i)))
                            .as(compilation.getTitle())
                            .isEqualTo(range(segments(own, SegmentRole.hook).get(0)));
                }
            }
        }
        // s1's window moved onto the shot cuts near its ends, in its clip and in every compilation showing it.
        assertThat(range(segments(clips.get("p-s1"), SegmentRole.body).get(0))).containsExactly(393_000L, 404_000L);
        assertThat(range(segments(clips.get("p-s1"), SegmentRole.hook).get(0))).containsExactly(399_000L, 401_000L);
    }

    @Test
    void periodsPlayersAndTeamsGetTheirReelsWhenEnoughOfTheirPlaysFit() {
        List<ClipPlan> plan = plan(
                new Compilation(Kind.PERIOD, 5, 45_000, 2),
                new Compilation(Kind.PLAYER, 5, 60_000, 3),
                new Compilation(Kind.TEAM, 5, 60_000, 2));

        // Period 1 has two plays but only g1 fits in 45 s; Bea and Cai have one clipped play each, and Ana's foul
        // makes no clip, so it is not in her reel.
        assertThat(titles(plan))
                .containsExactlyInAnyOrder(
                        "Best of period 2", "Ana: best plays", "Lions: best plays", "away: best plays");
        assertThat(compilation(plan, "Best of period 2").getPlayIds()).containsExactly("p-s1", "p-s2", "p-s3");
        assertThat(compilation(plan, "Ana: best plays").getPlayIds()).containsExactly("p-g1", "p-s1", "p-s3");
        // A team is named by its teamName when the feed gives one, else by its side.
        assertThat(compilation(plan, "Lions: best plays").getPlayIds()).containsExactly("p-g1", "p-s1", "p-s3");
        assertThat(compilation(plan, "away: best plays").getPlayIds()).containsExactly("p-g2", "p-s2");
        assertThat(duration(compilation(plan, "away: best plays"))).isEqualTo(2 * HOOK_MS + 30_000 + 9_000);
    }

    @Test
    void tooFewPlaysThatFitMeansNoCompilation() {
        // In 40 s only g1, s1 and s2 fit; period 1 has only g1 and g2.
        assertThat(titles(plan(new Compilation(Kind.TOP, 5, 40_000, 4)))).isEmpty();
        assertThat(titles(plan(new Compilation(Kind.TOP, 5, 40_000, 3)))).containsExactly("Top 3 plays");
        assertThat(titles(plan(new Compilation(Kind.PERIOD, 5, 120_000, 3)))).containsExactly("Best of period 2");
        assertThat(titles(plan(new Compilation(Kind.PERIOD, 5, 120_000, 2))))
                .containsExactlyInAnyOrder("Best of period 1", "Best of period 2");
    }

    @Test
    void idsDependOnTheMatchThePlaysTheKindAndTheProfileVersionOnly() {
        Compilation[] kinds = {
            new Compilation(Kind.TOP, 4, 45_000, 2),
            new Compilation(Kind.PERIOD, 5, 45_000, 2),
            new Compilation(Kind.PLAYER, 5, 60_000, 3),
            new Compilation(Kind.TEAM, 5, 60_000, 2)
        };
        List<Play> reversed = new ArrayList<>(plays());
        Collections.reverse(reversed);

        List<ClipPlan> first = plan("v1", plays(), kinds);
        assertThat(plan("v1", reversed, kinds)).isEqualTo(first);
        assertThat(compilation(first, "Top 3 plays").getClipId())
                .isEqualTo(ClipIds.of("m1", List.of("p-g1", "p-s1", "p-s2"), "test/top/top", "v1"));
        assertThat(compilation(first, "Best of period 2").getClipId())
                .isEqualTo(ClipIds.of("m1", List.of("p-s1", "p-s2", "p-s3"), "test/period/period-2", "v1"));
        // Ana's reel and her team's show the same plays, and still are two clips.
        assertThat(compilation(first, "Ana: best plays").getClipId())
                .isNotEqualTo(compilation(first, "Lions: best plays").getClipId());
        assertThat(first).extracting(ClipPlan::getClipId).doesNotHaveDuplicates();
        List<ClipPlan> v2 = plan("v2", plays(), kinds);
        assertThat(v2)
                .extracting(ClipPlan::getClipId)
                .doesNotContainAnyElementsOf(
                        first.stream().map(ClipPlan::getClipId).toList());
    }

    private static List<ClipPlan> plan(Compilation... kinds) {
        return plan("v1", plays(), kinds);
    }

    private static List<ClipPlan> plan(String version, List<Play> plays, Compilation... kinds) {
        HighlightRules r = Rules.rules();
        HighlightRules rules = new HighlightRules(
                r.name(),
                r.hookMs(),
                r.playGapMs(),
                r.maxPlayMs(),
                r.events(),
                r.context(),
                r.media(),
                r.replay(),
                new CompilationRules(List.of(kinds), 2),
                r.camera());
        ProfileSet base = Rules.profiles(version);
        return new ClipPlanner(new ProfileSet(version, rules, base.renditions(), base.graphics()), VIDEO_MS)
                .plan("m1", plays);
    }

    private static List<Play> plays() {
        Play s1 = play(event("s1", "SHOT", 400_000, 0.9, 2, "Ana", "home"));
        MediaSignals cuts = MediaSignals.newBuilder()
                .setHasAudio(true)
                .setMotion(0)
                .setMedianMotion(0)
                .setCutsMs(List.of(393_000L, 404_000L))
                .setTrackStartMs(0)
                .setTrackHz(10)
                .build();
        return List.of(
                play(event("g1", "GOAL", 100_000, 1.2, 1, "Ana", "home")),
                play(
                        event("g2", "KEY_PASS", 150_000, 0.25, 1, "Bea", "away"),
                        event("g2-goal", "GOAL", 200_000, 1.1, 1, "Bea", "away")),
                Play.newBuilder(s1).setMedia(cuts).build(),
                play(event("s2", "SHOT", 500_000, 0.8, 2, "Cai", "away")),
                play(event("s3", "SHOT", 600_000, 0.7, 2, "Ana", "home")),
                play(event("f1", "FOUL", 700_000, 0.1, 2, "Ana", "home")));
    }

    private static Play play(ScoredEvent... events) {
        return PlayGrouper.play(List.of(events));
    }

    private static ScoredEvent event(
            String id, String type, long atMs, double score, int period, String player, String team) {
        MatchEvent.Builder e = Events.event(id, type, atMs)
                .setPeriod(period)
                .setPlayers(List.of(player))
                .setTeam(team);
        if (team.equals("home")) {
            e.setAttributes(Map.of("teamName", "Lions"));
        }
        return ScoredEvent.newBuilder()
                .setEvent(e.build())
                .setScore(score)
                .setExplanation(type + " " + score)
                .setScoreBefore(new Score(0, 0))
                .build();
    }

    private static ClipPlan compilation(List<ClipPlan> plan, String title) {
        Optional<ClipPlan> found = plan.stream()
                .filter(c -> c.getKind() == ClipKind.compilation && c.getTitle().equals(title))
                .findFirst();
        assertThat(found).as("compilation '%s' among %s", title, titles(plan)).isPresent();
        return found.get();
    }

    private static List<String> titles(List<ClipPlan> plan) {
        return plan.stream()
                .filter(c -> c.getKind() == ClipKind.compilation)
                .map(ClipPlan::getTitle)
                .toList();
    }

    private static List<Segment> segments(ClipPlan clip, SegmentRole role) {
        return clip.getSegments().stream().filter(s -> s.getRole() == role).toList();
    }

    private static List<Long> range(Segment s) {
        return List.of(s.getSourceStartMs(), s.getSourceEndMs());
    }

    private static long duration(ClipPlan clip) {
        return clip.getSegments().stream()
                .mapToLong(s -> s.getSourceEndMs() - s.getSourceStartMs())
                .sum();
    }
}

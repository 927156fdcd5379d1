package io.hookline.planning;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.MatchEvent;
import io.hookline.model.MediaSignals;
import io.hookline.model.Play;
import io.hookline.model.PlayLabel;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.CompilationRules;
import io.hookline.profiles.CompilationRules.Compilation;
import io.hookline.profiles.CompilationRules.Kind;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans compilations from a match's clipped plays: the top plays, the best of each period, a reel per player
 * and per team. Each opens with a teaser (its best plays' hooks, back to back), then shows whole plays in order
 * of excitement, as many as fit the compilation's length.
 */
final class CompilationPlanner {
    private final ProfileSet profiles;
    private final HighlightRules rules;
    private final CompilationRules compilations;
    private final long videoDurationMs;

    CompilationPlanner(ProfileSet profiles, long videoDurationMs) {
        this.profiles = profiles;
        this.rules = profiles.rules();
        this.compilations = rules.compilations();
        this.videoDurationMs = videoDurationMs;
    }

    /** The compilations of the given kinds. */
    List<ClipPlan.Builder> plan(String matchId, List<Play> plays, Set<Kind> only) {
        List<Play> best = new ArrayList<>(plays);
        best.sort(Comparator.comparingDouble(Play::getScore).reversed().thenComparingLong(Play::getPeakMs));
        List<ClipPlan.Builder> out = new ArrayList<>();
        for (Compilation c : compilations.kinds()) {
            if (!only.contains(c.kind())) {
                continue;
            }
            switch (c.kind()) {
                case TOP -> compile(matchId, c, "top", null, best).ifPresent(out::add);
                case PERIOD ->
                    groups(best, p -> String.valueOf(peak(p).getPeriod()))
                            .forEach((period, group) -> compile(
                                            matchId, c, "period-" + period, "Best of period " + period, group)
                                    .ifPresent(out::add));
                case PLAYER ->
                    groups(
                                    best,
                                    p -> peak(p).getPlayers().isEmpty()
                                            ? null
                                            : peak(p).getPlayers().get(0))
                            .forEach((player, group) -> compile(
                                            matchId, c, "player-" + player, player + ": best plays", group)
                                    .ifPresent(out::add));
                case TEAM ->
                    groups(best, CompilationPlanner::teamName)
                            .forEach((team, group) -> compile(matchId, c, "team-" + team, team + ": best plays", group)
                                    .ifPresent(out::add));
                // Made on the way through a live match, one at a time (see soFar).
                case SO_FAR -> {}
            }
        }
        return out;
    }

    /** A live match's best plays so far, at {@code minute} of the match, when its rules ask for one. */
    Optional<ClipPlan.Builder> soFar(String matchId, List<Play> plays, long minute) {
        Optional<Compilation> rule = compilations.soFar();
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        List<Play> best = new ArrayList<>(plays);
        best.sort(Comparator.comparingDouble(Play::getScore).reversed().thenComparingLong(Play::getPeakMs));
        return compile(matchId, rule.get(), "so-far-" + minute, "The best so far (" + minute + " min)", best);
    }

    /** @param title the compilation's title; null for "Top N plays" with N the plays that fit */
    private Optional<ClipPlan.Builder> compile(
            String matchId, Compilation c, String rule, String title, List<Play> ranked) {
        // Whole plays, best first, as many as fit: each shows exactly the stretch of its own clip, so the
        // encoded segments are reused instead of encoded again. The teaser is the best plays' hooks.
        int teaserCuts = Math.min(compilations.teaserCuts(), Math.min(c.plays(), ranked.size()));
        long length = 0;
        List<Play> chosen = new ArrayList<>();
        List<PlayWindow> windows = new ArrayList<>();
        for (Play play : ranked) {
            PlayWindow window = PlayWindow.forClip(play, rules, videoDurationMs);
            long more = window.endMs() - window.startMs() + (chosen.size() < teaserCuts ? rules.hookMs() : 0);
            if (chosen.size() < c.plays() && length + more <= c.maxMs()) {
                chosen.add(play);
                windows.add(window);
                length += more;
            }
        }
        if (chosen.size() < Math.max(1, c.minPlays())) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < Math.min(teaserCuts, chosen.size()); i++) {
            long[] hook = windows.get(i).hook(chosen.get(i).getPeakMs(), rules.hookMs());
            segments.add(new Segment(SegmentRole.teaser, hook[0], hook[1], 1.0));
        }
        List<String> playIds = new ArrayList<>();
        List<MediaSignals> media = new ArrayList<>();
        List<PlayLabel> labels = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Play play = chosen.get(i);
            segments.add(new Segment(
                    SegmentRole.body, windows.get(i).startMs(), windows.get(i).endMs(), 1.0));
            labels.add(MatchFacts.label(
                    play, windows.get(i).startMs(), windows.get(i).endMs()));
            playIds.add(play.getPlayId());
            if (play.getMedia() != null) {
                media.add(play.getMedia());
            }
            total += play.getScore();
        }
        String ruleName = rules.name() + "/" + c.kind().name().toLowerCase(Locale.ROOT);
        String id = ClipIds.of(matchId, playIds, ruleName + "/" + rule, profiles.version());
        return Optional.of(ClipPlan.newBuilder()
                .setClipId(id)
                .setMatchId(matchId)
                .setKind(ClipKind.compilation)
                .setScore(total / chosen.size())
                .setTitle(title != null ? title : "Top " + chosen.size() + " plays")
                .setRule(ruleName)
                .setProfileVersion(profiles.version())
                .setPlayIds(playIds)
                .setSourceStartMs(segments.stream()
                        .mapToLong(Segment::getSourceStartMs)
                        .min()
                        .orElse(0))
                .setSourceEndMs(segments.stream()
                        .mapToLong(Segment::getSourceEndMs)
                        .max()
                        .orElse(0))
                .setPeakMs(chosen.get(0).getPeakMs())
                .setSegments(segments)
                .setRenditions(profiles.renditionNames())
                .setExplanation(chosen.size() + " plays, mean score "
                        + String.format(Locale.ROOT, "%.2f", total / chosen.size()) + "; opens on: "
                        + chosen.get(0).getExplanation())
                .setNotes(List.of())
                .setMedia(media)
                .setLabels(labels));
    }

    /** Plays grouped by a key (in order of each group's best play); plays without a key are left out. */
    private static Map<String, List<Play>> groups(List<Play> ranked, Function<Play, String> key) {
        Map<String, List<Play>> groups = new LinkedHashMap<>();
        for (Play p : ranked) {
            String k = key.apply(p);
            if (k != null && !k.isBlank()) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
            }
        }
        return groups;
    }

    private static MatchEvent peak(Play play) {
        return PlayWindow.peak(play).getEvent();
    }

    /** The team's own name when the feed gives one, else home or away. */
    private static String teamName(Play play) {
        MatchEvent e = peak(play);
        String name = e.getAttributes().get("teamName");
        return name != null ? name : e.getTeam();
    }
}

package io.hookline.planning;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.MatchEvent;
import io.hookline.model.MediaSignals;
import io.hookline.model.Play;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.CompilationRules;
import io.hookline.profiles.CompilationRules.Compilation;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plans compilations from a match's clipped plays: the top plays, the best of each period, a reel per player
 * and per team. Each opens with a teaser (its best moments, cut fast), then shows its plays in order of
 * excitement, each trimmed around its peak so the whole fits the compilation's length.
 */
final class CompilationPlanner {
    /** A play shorter than this in a compilation stops making sense; fewer plays are shown instead. */
    static final long MIN_PLAY_MS = 3_000;

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

    List<ClipPlan.Builder> plan(String matchId, List<Play> plays) {
        List<Play> best = new ArrayList<>(plays);
        best.sort(Comparator.comparingDouble(Play::getScore).reversed().thenComparingLong(Play::getPeakMs));
        List<ClipPlan.Builder> out = new ArrayList<>();
        for (Compilation c : compilations.kinds()) {
            switch (c.kind()) {
                case TOP -> compile(matchId, c, "top", "Top " + Math.min(c.plays(), best.size()) + " plays", best)
                        .ifPresent(out::add);
                case PERIOD -> groups(best, p -> String.valueOf(peak(p).getPeriod())).forEach((period, group) ->
                        compile(matchId, c, "period-" + period, "Best of period " + period, group).ifPresent(out::add));
                case PLAYER -> groups(best, p -> peak(p).getPlayers().isEmpty() ? null : peak(p).getPlayers().get(0))
                        .forEach((player, group) -> compile(matchId, c, "player-" + player, player + ": best plays", group)
                                .ifPresent(out::add));
                case TEAM -> groups(best, CompilationPlanner::teamName).forEach((team, group) ->
                        compile(matchId, c, "team-" + team, team + ": best plays", group).ifPresent(out::add));
            }
        }
        return out;
    }

    private Optional<ClipPlan.Builder> compile(String matchId, Compilation c, String rule, String title,
            List<Play> ranked) {
        if (ranked.size() < Math.max(1, c.minPlays())) {
            return Optional.empty();
        }
        int teaserCuts = Math.min(compilations.teaserCuts(), ranked.size());
        long teaserMs = teaserCuts * compilations.teaserCutMs();
        List<Play> chosen = new ArrayList<>(ranked.subList(0, Math.min(c.plays(), ranked.size())));
        // Fewer, longer plays rather than many too short to follow.
        while (chosen.size() > 1 && (c.maxMs() - teaserMs) / chosen.size() < MIN_PLAY_MS) {
            chosen.remove(chosen.size() - 1);
        }
        long budget = Math.max(MIN_PLAY_MS, (c.maxMs() - teaserMs) / chosen.size());
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < teaserCuts; i++) {
            long peak = chosen.get(Math.min(i, chosen.size() - 1)).getPeakMs();
            long from = Math.max(0, peak - compilations.teaserCutMs() / 2);
            segments.add(new Segment(SegmentRole.teaser, from, Math.min(videoDurationMs, from + compilations.teaserCutMs()), 1.0));
        }
        List<String> playIds = new ArrayList<>();
        List<MediaSignals> media = new ArrayList<>();
        double total = 0;
        for (Play play : chosen) {
            PlayWindow window = PlayWindow.of(play, rules, videoDurationMs);
            long start = window.startMs();
            long end = window.endMs();
            if (end - start > budget) {
                // Keep the peak, with the build-up's share of the budget before it.
                long before = Math.min(play.getPeakMs() - start, budget * 2 / 3);
                start = play.getPeakMs() - before;
                end = Math.min(end, start + budget);
            }
            segments.add(new Segment(SegmentRole.body, start, end, 1.0));
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
                .setTitle(title)
                .setRule(ruleName)
                .setProfileVersion(profiles.version())
                .setPlayIds(playIds)
                .setSourceStartMs(segments.stream().mapToLong(Segment::getSourceStartMs).min().orElse(0))
                .setSourceEndMs(segments.stream().mapToLong(Segment::getSourceEndMs).max().orElse(0))
                .setPeakMs(chosen.get(0).getPeakMs())
                .setSegments(segments)
                .setRenditions(profiles.renditionNames())
                .setExplanation(chosen.size() + " plays, mean score " + String.format(Locale.ROOT, "%.2f",
                        total / chosen.size()) + "; opens on: " + chosen.get(0).getExplanation())
                .setNotes(List.of())
                .setMedia(media));
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

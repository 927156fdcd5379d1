package io.hookline.planning;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.EventRule;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileSet;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans one clip per play worth showing. A play clip opens on a hook (its peak moment) and then runs the
 * play from pre-roll to post-roll; clips are ranked by score, best first.
 */
public final class ClipPlanner {
    private final ProfileSet profiles;
    private final HighlightRules rules;
    private final long videoDurationMs;

    /** @param videoDurationMs the source video's length; windows never reach past it */
    public ClipPlanner(ProfileSet profiles, long videoDurationMs) {
        this.profiles = profiles;
        this.rules = profiles.rules();
        this.videoDurationMs = videoDurationMs;
    }

    public List<ClipPlan> plan(String matchId, List<Play> plays) {
        List<ClipPlan.Builder> clips = new ArrayList<>();
        for (Play play : plays) {
            ScoredEvent peak = peak(play);
            EventRule rule = rules.rule(type(peak.getEvent()));
            if (rule.clip()) {
                clips.add(playClip(matchId, play, peak, rule));
            }
        }
        clips.sort(Comparator.comparingDouble(ClipPlan.Builder::getScore).reversed()
                .thenComparingLong(ClipPlan.Builder::getPeakMs));
        List<ClipPlan> ranked = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            ranked.add(clips.get(i).setRank(i + 1).build());
        }
        return ranked;
    }

    private ClipPlan.Builder playClip(String matchId, Play play, ScoredEvent peak, EventRule rule) {
        List<String> notes = new ArrayList<>();
        long peakMs = play.getPeakMs();
        long start = Math.max(0, play.getStartMs() - rule.preRollMs());
        long end = Math.min(videoDurationMs, play.getEndMs() + rule.postRollMs());
        if (end - start > rules.maxPlayMs()) {
            notes.add("clip of " + (end - start) / 1000.0 + " s trimmed around its peak to "
                    + rules.maxPlayMs() / 1000.0 + " s");
            long windowStart = start;
            // Keep the peak inside, with the pre-roll's share of the budget before it.
            long before = Math.min(peakMs - start,
                    rules.maxPlayMs() * rule.preRollMs() / Math.max(1, rule.preRollMs() + rule.postRollMs()));
            start = Math.max(start, peakMs - before);
            end = Math.min(end, start + rules.maxPlayMs());
            // A peak too near the end leaves budget unused after it: it goes to the build-up instead.
            start = Math.max(windowStart, end - rules.maxPlayMs());
        }
        long hookStart = Math.max(start, Math.min(peakMs - rules.hookMs() / 2, end - rules.hookMs()));
        long hookEnd = Math.min(end, hookStart + rules.hookMs());
        List<Segment> segments = List.of(
                new Segment(SegmentRole.hook, hookStart, hookEnd),
                new Segment(SegmentRole.body, start, end));
        List<String> playIds = List.of(play.getPlayId());
        String ruleName = rules.name() + "/play";
        return ClipPlan.newBuilder()
                .setClipId(ClipIds.of(matchId, playIds, ruleName, profiles.version()))
                .setMatchId(matchId)
                .setKind(ClipKind.play)
                .setScore(play.getScore())
                .setTitle(ClipTitles.of(peak.getEvent()))
                .setRule(ruleName)
                .setProfileVersion(profiles.version())
                .setPlayIds(playIds)
                .setSourceStartMs(start)
                .setSourceEndMs(end)
                .setPeakMs(peakMs)
                .setSegments(segments)
                .setRenditions(profiles.renditionNames())
                .setExplanation(play.getExplanation())
                .setNotes(notes);
    }

    private static ScoredEvent peak(Play play) {
        return play.getEvents().stream()
                .filter(e -> e.getEvent().getEventId().equals(play.getPeakEventId()))
                .findFirst()
                .orElseThrow();
    }

    private static EventType type(MatchEvent e) {
        return EventType.parse(e.getType()).orElseThrow();
    }
}

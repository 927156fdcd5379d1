package io.hookline.planning;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileSet;
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
            if (PlayWindow.rule(play, rules).clip()) {
                clips.add(playClip(matchId, play));
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

    private ClipPlan.Builder playClip(String matchId, Play play) {
        ScoredEvent peak = PlayWindow.peak(play);
        List<String> notes = new ArrayList<>();
        long peakMs = play.getPeakMs();
        PlayWindow window = PlayWindow.of(play, rules, videoDurationMs);
        window.trimNote().ifPresent(notes::add);
        long start = window.startMs();
        long end = window.endMs();
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
                .setNotes(notes)
                .setMedia(play.getMedia() == null ? List.of() : List.of(play.getMedia()));
    }
}

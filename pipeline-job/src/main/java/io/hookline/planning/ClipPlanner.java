package io.hookline.planning;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.CompilationRules.Kind;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.ReplayRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a match's clips: one per play worth showing, and the compilations the rules ask for. A play clip
 * opens on a hook (its peak moment), then runs the play from pre-roll to post-roll, and may end on the peak
 * again, slower. All clips are ranked together by score, best first, so the render queue starts with the
 * most exciting.
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

    /** Clips in rank order: best score first, plays before compilations on a tie, then by time and id. */
    public static final Comparator<ClipPlan.Builder> RANKING = Comparator.comparingDouble(ClipPlan.Builder::getScore)
            .reversed()
            .thenComparing(ClipPlan.Builder::getKind)
            .thenComparingLong(ClipPlan.Builder::getPeakMs)
            .thenComparing(ClipPlan.Builder::getClipId);

    /** A whole match's clips, ranked. */
    public List<ClipPlan> plan(String matchId, List<Play> plays) {
        List<Play> clipped = new ArrayList<>();
        List<ClipPlan.Builder> clips = new ArrayList<>();
        MatchFacts facts = MatchFacts.of(plays);
        for (Play play : plays) {
            playClip(matchId, play, facts).ifPresent(clip -> {
                clipped.add(play);
                clips.add(clip);
            });
        }
        clips.addAll(compilations(matchId, clipped, EnumSet.allOf(Kind.class), facts));
        clips.sort(RANKING);
        List<ClipPlan> ranked = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            ranked.add(clips.get(i).setRank(i + 1).build());
        }
        return ranked;
    }

    /**
     * A play's own clip, when its rules make one; unranked. {@code facts} are the match's as far as it is
     * known (a live match's so far), for the graphics.
     */
    public Optional<ClipPlan.Builder> playClip(String matchId, Play play, MatchFacts facts) {
        if (!PlayWindow.rule(play, rules).clip()) {
            return Optional.empty();
        }
        return Optional.of(withFacts(playClip(matchId, play), facts).setVideo(play.getVideo()));
    }

    /** The compilations of the given kinds from {@code clipped} (the plays that have clips of their own); unranked. */
    public List<ClipPlan.Builder> compilations(String matchId, List<Play> clipped, Set<Kind> kinds, MatchFacts facts) {
        List<ClipPlan.Builder> out = new CompilationPlanner(profiles, videoDurationMs).plan(matchId, clipped, kinds);
        String video = clipped.isEmpty() ? null : clipped.get(0).getVideo();
        out.forEach(clip -> withFacts(clip, facts).setVideo(video));
        return out;
    }

    /** A live match's best plays so far at {@code minute}, when the rules ask for a rolling compilation; unranked. */
    public Optional<ClipPlan.Builder> soFar(String matchId, List<Play> clipped, long minute, MatchFacts facts) {
        return new CompilationPlanner(profiles, videoDurationMs)
                .soFar(matchId, clipped, minute)
                .map(clip -> withFacts(clip, facts).setVideo(clipped.get(0).getVideo()));
    }

    private static ClipPlan.Builder withFacts(ClipPlan.Builder clip, MatchFacts facts) {
        return clip.setScoreboard(facts.scoreboard())
                .setHomeTeam(facts.homeTeam())
                .setAwayTeam(facts.awayTeam());
    }

    private ClipPlan.Builder playClip(String matchId, Play play) {
        ScoredEvent peak = PlayWindow.peak(play);
        List<String> notes = new ArrayList<>();
        long peakMs = play.getPeakMs();
        PlayWindow window = PlayWindow.forClip(play, rules, videoDurationMs);
        window.trimNote().ifPresent(notes::add);
        mediaNote(play).ifPresent(notes::add);
        long start = window.startMs();
        long end = window.endMs();
        long[] hook = window.hook(peakMs, rules.hookMs());
        List<Segment> segments = new ArrayList<>(List.of(
                new Segment(SegmentRole.hook, hook[0], hook[1], 1.0), new Segment(SegmentRole.body, start, end, 1.0)));
        ReplayRule replay = rules.replay();
        if (replay.enabled()) {
            long from = Math.max(start, peakMs - replay.sourceMs() / 2);
            segments.add(
                    new Segment(SegmentRole.replay, from, Math.min(end, from + replay.sourceMs()), replay.speed()));
        }
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
                .setMedia(play.getMedia() == null ? List.of() : List.of(play.getMedia()))
                .setLabels(List.of(MatchFacts.label(play, start, end)));
    }

    /** Why a play was ranked without what its video says, when it was. */
    static Optional<String> mediaNote(Play play) {
        if (play.getMediaProblem() != null) {
            return Optional.of("ranked on event signals only: " + play.getMediaProblem());
        }
        if (play.getMedia() != null && !play.getMedia().getHasAudio()) {
            return Optional.of("no audio around this play: ranked on event signals only");
        }
        return Optional.empty();
    }
}

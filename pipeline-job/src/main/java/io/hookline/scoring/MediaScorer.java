package io.hookline.scoring;

import io.hookline.model.MediaSignals;
import io.hookline.model.Play;
import io.hookline.profiles.MediaRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Adds what the video says to the plays' scores: a crowd louder than the match's own baseline, a broadcast
 * replay right after the play, more motion than usual. The baseline is the match's median loudness, so a
 * loud stadium and a quiet one are judged each against itself.
 */
public final class MediaScorer {
    private final MediaRules rules;

    public MediaScorer(MediaRules rules) {
        this.rules = rules;
    }

    /** The plays of one match, each with its media bonuses added to its score and named in its explanation. */
    public List<Play> score(List<Play> plays) {
        Double baseline = baseline(plays);
        List<Play> scored = new ArrayList<>(plays.size());
        for (Play play : plays) {
            scored.add(score(play, baseline));
        }
        return scored;
    }

    /**
     * One play judged against {@code others} of its match (a live match's plays so far, itself included): its
     * score is final once given.
     */
    public Play score(Play play, List<Play> others) {
        return score(play, baseline(others));
    }

    private Play score(Play play, Double baseline) {
        MediaSignals m = play.getMedia();
        if (m == null) {
            return play;
        }
        double score = play.getScore();
        StringBuilder why = new StringBuilder(play.getExplanation());
        if (m.getHasAudio() && m.getPeakLoudness() != null && baseline != null) {
            double crowd = Math.min(
                    rules.crowdMax(),
                    Math.max(0, m.getPeakLoudness() - baseline - rules.crowdOverLu()) * rules.crowdPerLu());
            score += add(why, "crowd", crowd);
        }
        long cuts = m.getCutsMs().stream()
                .filter(c -> c >= play.getPeakMs() && c <= play.getPeakMs() + rules.replayWithinMs())
                .count();
        if (rules.replayMinCuts() > 0 && cuts >= rules.replayMinCuts()) {
            score += add(why, "replay", rules.replayBonus());
        }
        if (m.getMedianMotion() > 0) {
            double motion = Math.min(
                    rules.motionMax(), Math.max(0, m.getMotion() / m.getMedianMotion() - 1) * rules.motionPerRatio());
            score += add(why, "motion", motion);
        }
        return Play.newBuilder(play)
                .setScore(score)
                .setExplanation(why.toString())
                .build();
    }

    private static double add(StringBuilder why, String signal, double bonus) {
        if (bonus >= 0.005) {
            why.append(" + ").append(signal).append(" +").append(EventScorer.format(bonus));
            return bonus;
        }
        return 0;
    }

    /** The median of the plays' own median loudness; null when no play has sound. */
    static Double baseline(List<Play> plays) {
        List<Double> levels = new ArrayList<>();
        for (Play p : plays) {
            if (p.getMedia() != null
                    && p.getMedia().getHasAudio()
                    && p.getMedia().getMedianLoudness() != null) {
                levels.add(p.getMedia().getMedianLoudness());
            }
        }
        if (levels.isEmpty()) {
            return null;
        }
        Collections.sort(levels);
        return levels.get(levels.size() / 2);
    }
}

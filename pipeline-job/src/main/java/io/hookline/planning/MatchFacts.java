package io.hookline.planning;

import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.model.PlayLabel;
import io.hookline.model.Score;
import io.hookline.model.ScoreChange;
import io.hookline.model.ScoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a match's graphics need to know beyond a single play: the score at every moment (from every event,
 * not only the clipped ones) and the teams' names when the feed gives them.
 */
public record MatchFacts(List<ScoreChange> scoreboard, String homeTeam, String awayTeam) {

    public static MatchFacts of(List<Play> plays) {
        List<ScoredEvent> events = new ArrayList<>();
        plays.forEach(p -> events.addAll(p.getEvents()));
        events.sort(Comparator.comparingLong((ScoredEvent e) -> e.getEvent().getVideoTimeMs())
                .thenComparing(e -> e.getEvent().getEventId()));
        List<ScoreChange> changes = new ArrayList<>();
        String home = null;
        String away = null;
        Score last = null;
        for (ScoredEvent e : events) {
            MatchEvent event = e.getEvent();
            Score score = event.getScore() != null ? event.getScore() : e.getScoreBefore();
            if (last == null) {
                changes.add(new ScoreChange(0L, e.getScoreBefore()));
                last = e.getScoreBefore();
            }
            if (!score.equals(last)) {
                changes.add(new ScoreChange(event.getVideoTimeMs(), score));
                last = score;
            }
            String name = event.getAttributes().get("teamName");
            if (name != null && "home".equals(event.getTeam()) && home == null) {
                home = name;
            } else if (name != null && "away".equals(event.getTeam()) && away == null) {
                away = name;
            }
        }
        return new MatchFacts(List.copyOf(changes), home, away);
    }

    /** The label of a play shown from {@code fromMs} (its first frame after the hook) to {@code toMs}. */
    public static PlayLabel label(Play play, long fromMs, long toMs) {
        MatchEvent peak = PlayWindow.peak(play).getEvent();
        return PlayLabel.newBuilder()
                .setPlayId(play.getPlayId())
                .setFromMs(fromMs)
                .setToMs(toMs)
                .setAction(peak.getType())
                .setPlayer(
                        peak.getPlayers().isEmpty() ? null : peak.getPlayers().get(0))
                .setTeam(peak.getAttributes().getOrDefault("teamName", peak.getTeam()))
                .setScore(peak.getScore())
                .setPeriod(peak.getPeriod())
                .setGameClockMs(peak.getGameClockMs())
                .setDescription(peak.getDescription())
                .build();
    }
}

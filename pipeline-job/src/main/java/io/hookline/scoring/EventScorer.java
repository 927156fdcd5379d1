package io.hookline.scoring;

import io.hookline.model.GameState;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.profiles.ContextRules;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.SportRules;
import io.hookline.vocabulary.EventType;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores one event from its type's weight and the game context it happened in: lead changes and
 * equalisers, the end of a close match, a score at the buzzer, overtime, a scoring run. Every factor that
 * changes the score is named in the explanation, so an editor can see why a clip ranks where it does.
 */
public final class EventScorer {
    private final HighlightRules rules;
    private final ContextRules context;

    public EventScorer(HighlightRules rules) {
        this.rules = rules;
        this.context = rules.context();
    }

    /** A match before its first event: 0-0, no run. */
    public static GameState start() {
        return new GameState(new Score(0, 0), null, 0);
    }

    /** Scores an event given the state of the game before it. */
    public ScoredEvent score(MatchEvent event, GameState before) {
        EventType type = EventType.parse(event.getType())
                .orElseThrow(() -> new IllegalArgumentException("unvalidated event type " + event.getType()));
        Factors factors = new Factors(type.name(), rules.rule(type).weight());
        Score from = before.getScore();
        Score to = event.getScore() == null ? from : event.getScore();
        boolean scoring = points(to) > points(from);
        boolean leadChange = leader(from) != leader(to) && leader(to) != 0;
        if (leadChange) {
            factors.times("lead change", context.leadChange());
        } else if (leader(from) != 0 && leader(to) == 0) {
            factors.times("equaliser", context.equaliser());
        }
        SportRules sport = context.sport(event.getAttributes().get("sport"));
        if (sport != null && event.getGameClockMs() != null) {
            MatchClock clock = new MatchClock(sport, event.getPeriod(), event.getGameClockMs());
            int margin = Math.min(Math.abs(from.getHome() - from.getAway()), Math.abs(to.getHome() - to.getAway()));
            if (clock.leftInMatchMs() <= context.clutchLastMs() && margin <= sport.closeMargin()) {
                factors.times("clutch", context.clutch());
            }
            if (scoring && clock.leftInPeriodMs() <= context.buzzerLastMs()) {
                factors.times("buzzer", context.buzzer());
            }
            if (clock.overtime()) {
                factors.times("overtime", context.overtime());
            }
            GameState after = after(event, before);
            if (scoring
                    && after.getRunPoints() >= sport.runPoints()
                    && before.getRunPoints() < sport.runPoints()
                    && Objects.equals(after.getRunTeam(), before.getRunTeam())) {
                factors.times(after.getRunPoints() + "-0 run", context.run());
            }
        }
        return ScoredEvent.newBuilder()
                .setEvent(event)
                .setScore(factors.score)
                .setExplanation(factors.explanation.toString())
                .setScoreBefore(from)
                .setLeadChange(leadChange)
                .build();
    }

    /** The state of the game after an event: its score, and the scoring run it continues or starts. */
    public static GameState after(MatchEvent event, GameState before) {
        Score from = before.getScore();
        Score to = event.getScore() == null ? from : event.getScore();
        int home = to.getHome() - from.getHome();
        int away = to.getAway() - from.getAway();
        if (home <= 0 && away <= 0) {
            return new GameState(to, before.getRunTeam(), before.getRunPoints());
        }
        String team = home > 0 && away <= 0 ? "home" : away > 0 && home <= 0 ? "away" : null;
        int points = Math.max(home, 0) + Math.max(away, 0);
        boolean continues = team != null && team.equals(before.getRunTeam());
        return new GameState(to, team, continues ? before.getRunPoints() + points : points);
    }

    private static int points(Score s) {
        return s.getHome() + s.getAway();
    }

    /** 1 when home leads, -1 when away leads, 0 when level. */
    private static int leader(Score s) {
        return Integer.signum(s.getHome() - s.getAway());
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The score as it is built, and the words that explain it. */
    private static final class Factors {
        private double score;
        private final StringBuilder explanation;

        Factors(String type, double weight) {
            this.score = weight;
            this.explanation = new StringBuilder(type).append(' ').append(format(weight));
        }

        void times(String why, double factor) {
            if (factor != 1) {
                score *= factor;
                explanation.append(" x ").append(why).append(' ').append(format(factor));
            }
        }
    }
}

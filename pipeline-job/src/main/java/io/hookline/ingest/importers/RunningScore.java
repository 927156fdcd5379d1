package io.hookline.ingest.importers;

import io.hookline.model.Score;

/** The score of a soccer match as its goals come in; an own goal counts for the other side. */
final class RunningScore {
    /** Penalty shoot-outs decide the winner but are not goals of the match. */
    private static final int SHOOTOUT = 5;

    private int home;
    private int away;

    Score current() {
        return new Score(home, away);
    }

    /** Counts a goal scored by {@code side} ({@code home} or {@code away}) and returns the score after it. */
    Score goal(String side, int period) {
        if (period != SHOOTOUT) {
            if (Sides.HOME.equals(side)) {
                home++;
            } else if (Sides.AWAY.equals(side)) {
                away++;
            }
        }
        return current();
    }

    /** Counts a goal a player of {@code side} put into their own net. */
    Score ownGoal(String side, int period) {
        return goal(Sides.HOME.equals(side) ? Sides.AWAY : Sides.AWAY.equals(side) ? Sides.HOME : null, period);
    }
}

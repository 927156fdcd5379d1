package io.hookline.scoring;

import io.hookline.profiles.SportRules;

/** Reads an event's game clock the way its sport's clock runs: how much is left of the period and the match. */
record MatchClock(SportRules sport, int period, long clockMs) {

    boolean overtime() {
        return period > sport.regularPeriods();
    }

    long leftInPeriodMs() {
        if (sport.countdown()) {
            return clockMs;
        }
        return Math.max(0, periodEndMs() - clockMs);
    }

    long leftInMatchMs() {
        if (overtime()) {
            return leftInPeriodMs();
        }
        if (sport.countdown()) {
            return clockMs + (long) (sport.regularPeriods() - period) * sport.periodMs();
        }
        return Math.max(0, sport.regularPeriods() * sport.periodMs() - clockMs);
    }

    /** A match clock's reading at the end of this period (football: 45:00, 90:00, then extra time). */
    private long periodEndMs() {
        if (!overtime()) {
            return period * sport.periodMs();
        }
        return sport.regularPeriods() * sport.periodMs()
                + (long) (period - sport.regularPeriods()) * sport.overtimeMs();
    }
}

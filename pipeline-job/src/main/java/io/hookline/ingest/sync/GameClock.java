package io.hookline.ingest.sync;

import java.util.Optional;

/**
 * What a clock reading means: which way the clock runs and, for a count-down clock, how long each period is.
 * Internally every reading becomes the time elapsed since its period started, which only grows.
 *
 * @param periodMs length of a regular period (count-down clocks only)
 * @param overtimeMs length of an overtime period (count-down clocks only)
 * @param regularPeriods periods before overtime starts (count-down clocks only)
 */
public record GameClock(ClockKind kind, long periodMs, long overtimeMs, int regularPeriods) {

    public static GameClock running() {
        return new GameClock(ClockKind.RUNNING, 0, 0, 0);
    }

    public static GameClock countdown(long periodMs, long overtimeMs, int regularPeriods) {
        return new GameClock(ClockKind.COUNTDOWN, periodMs, overtimeMs, regularPeriods);
    }

    /** How long a count-down period is. */
    public long lengthMs(int period) {
        return period <= regularPeriods ? periodMs : overtimeMs;
    }

    /** The reading the clock shows when the period starts. */
    public long startReading(int period) {
        return kind == ClockKind.COUNTDOWN ? lengthMs(period) : 0;
    }

    /** Time since the period started, for a reading that passed {@link #problem}. */
    public long elapsedMs(int period, long clockMs) {
        return kind == ClockKind.COUNTDOWN ? lengthMs(period) - clockMs : clockMs;
    }

    /** Why the reading cannot be on this clock in that period, or empty. */
    public Optional<String> problem(int period, long clockMs) {
        if (period < 1) {
            return Optional.of("period " + period + " is not a period (they count from 1)");
        }
        if (clockMs < 0) {
            return Optional.of("clock " + clockMs + " ms is negative");
        }
        if (kind == ClockKind.COUNTDOWN && clockMs > lengthMs(period)) {
            return Optional.of("clock " + ClockText.format(clockMs) + " is more than period " + period + " lasts ("
                    + ClockText.format(lengthMs(period)) + ")");
        }
        return Optional.empty();
    }
}

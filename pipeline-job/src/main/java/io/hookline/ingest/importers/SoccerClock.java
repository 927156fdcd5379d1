package io.hookline.ingest.importers;

/**
 * Soccer's running match clock: each period's clock starts where the scoreboard shows it (45:00 for the second
 * half, 90:00 and 105:00 for extra time, 120:00 for penalties), so an event's gameClockMs reads like the
 * broadcast graphic.
 */
final class SoccerClock {
    private static final long[] PERIOD_STARTS_MIN = {0, 45, 90, 105, 120};

    private SoccerClock() {}

    static long matchClockMs(int period, long sincePeriodStartMs) {
        int index = Math.min(period, PERIOD_STARTS_MIN.length) - 1;
        return PERIOD_STARTS_MIN[index] * 60_000 + sincePeriodStartMs;
    }
}

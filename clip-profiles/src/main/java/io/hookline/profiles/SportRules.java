package io.hookline.profiles;

import java.io.Serializable;

/**
 * How to read a sport's game clock and score, for the game-context signals.
 *
 * @param countdown true when the clock shows time remaining in the period (basketball), false when it shows
 *     the match time so far (football: 45:00 at the start of the second half)
 * @param periodMs a regular period's length
 * @param regularPeriods periods before overtime
 * @param overtimeMs an overtime period's length
 * @param closeMargin a score margin at most this is a close game
 * @param runPoints unanswered points that make a scoring run
 */
public record SportRules(
        boolean countdown, long periodMs, int regularPeriods, long overtimeMs, int closeMargin, int runPoints)
        implements Serializable {}

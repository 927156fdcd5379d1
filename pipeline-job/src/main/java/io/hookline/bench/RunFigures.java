package io.hookline.bench;

/**
 * What one run measured, side by side on the same machine within minutes of each other.
 *
 * @param segmentsEncoded distinct encoded segments Hookline kept for reuse
 * @param loadBefore the machine's 1-minute load average when the run started
 */
record RunFigures(
        int run,
        Measurement hookline,
        long segmentsEncoded,
        Measurement baseline,
        EncodeFloor.Result floor,
        double loadBefore,
        double loadAfter) {

    /** How many times more output Hookline makes per CPU second than the baseline. */
    double throughputRatio() {
        return baseline.cpuSeconds() / hookline.cpuSeconds();
    }

    double wallRatio() {
        return baseline.wallSeconds() / hookline.wallSeconds();
    }

    /** Hookline's CPU time over the encoders' alone: 1.0 would be the physical limit. */
    double floorRatio() {
        return hookline.cpuSeconds() / floor.cpuSeconds();
    }
}

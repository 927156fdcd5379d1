package io.hookline.bench;

/**
 * One measured phase of a run.
 *
 * @param cpuSeconds user plus system time of every thread and child process that did the work
 * @param peakRssBytes the highest resident memory of the process that did the work (for the baseline, of its
 *     largest FFmpeg process)
 */
record Measurement(double wallSeconds, double cpuSeconds, long peakRssBytes) {

    double peakRssMb() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}

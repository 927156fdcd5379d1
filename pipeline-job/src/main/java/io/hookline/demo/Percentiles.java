package io.hookline.demo;

import java.util.Collection;

/**
 * p50, p95 and max of a set of durations in seconds, by the nearest-rank method: each is a value that was
 * measured, never one interpolated between two.
 */
public record Percentiles(int count, double p50, double p95, double max) {

    public static Percentiles of(Collection<Double> seconds) {
        double[] sorted =
                seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

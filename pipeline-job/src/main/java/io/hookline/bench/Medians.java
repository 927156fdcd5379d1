package io.hookline.bench;

import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians: a shared, noisy machine throws the odd run off, and a median shrugs it off where a mean does not. */
final class Medians {

    private Medians() {}

    static double of(Collection<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static <T> double of(List<T> items, ToDoubleFunction<T> figure) {
        return of(items.stream().map(i -> figure.applyAsDouble(i)).toList());
    }
}

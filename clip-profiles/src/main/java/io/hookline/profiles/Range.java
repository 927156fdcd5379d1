package io.hookline.profiles;

import java.math.BigDecimal;

/** The values a numeric field accepts, worded the way an error message shows them. */
record Range(double min, boolean minIncluded, double max) {

    /** From min to max, both included. */
    static Range of(double min, double max) {
        return new Range(min, true, max);
    }

    /** More than min, up to and including max. */
    static Range above(double min, double max) {
        return new Range(min, false, max);
    }

    boolean contains(double value) {
        return (minIncluded ? value >= min : value > min) && value <= max;
    }

    @Override
    public String toString() {
        return minIncluded
                ? "between " + format(min) + " and " + format(max)
                : "greater than " + format(min) + " and at most " + format(max);
    }

    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

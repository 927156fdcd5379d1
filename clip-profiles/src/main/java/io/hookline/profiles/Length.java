package io.hookline.profiles;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size as editors write it: a share of the frame ({@code 14%}) or, where a platform states its margins on one
 * frame size, pixels ({@code 250px}). Always with its unit, so that {@code 14} cannot mean either.
 */
record Length(BigDecimal amount, boolean pixels) {

    static final Length ZERO = new Length(BigDecimal.ZERO, false);

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)(px|%)");

    /** Reads {@code 14%}, {@code 6.5%} or {@code 250px}. */
    static Length parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a share of the frame such as 14% or pixels such as 250px");
        }
        return new Length(new BigDecimal(m.group(1)), m.group(2).equals("px"));
    }

    /** Reads a percentage only, for sizes that must scale with every frame a template is used on. */
    static Length parsePercent(String text) {
        Length length = parse(text);
        if (length.pixels) {
            throw new IllegalArgumentException("expected a share of the frame height such as 5%; pixels do not "
                    + "scale to the different frames a template is drawn on");
        }
        return length;
    }

    /** The share of a frame side of this many pixels; NaN for pixels when the side is unknown (0). */
    double fractionOf(int side) {
        if (!pixels) {
            return amount.doubleValue() / 100;
        }
        return side > 0 ? amount.doubleValue() / side : Double.NaN;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + (pixels ? "px" : "%");
    }
}

package io.hookline.profiles;

/**
 * Where a graphic sits inside a rendition's safe area: {@code top-left} puts the graphic's top-left corner on
 * the safe area's top-left corner, {@code bottom-center} centres it on the safe area's bottom edge.
 */
public enum Anchor {
    TOP_LEFT(0, 0),
    TOP_CENTER(0.5, 0),
    TOP_RIGHT(1, 0),
    CENTER_LEFT(0, 0.5),
    CENTER(0.5, 0.5),
    CENTER_RIGHT(1, 0.5),
    BOTTOM_LEFT(0, 1),
    BOTTOM_CENTER(0.5, 1),
    BOTTOM_RIGHT(1, 1);

    private final double x;
    private final double y;

    Anchor(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /**
     * How far across the free space the graphic sits: 0 at the left edge, 0.5 centred, 1 at the right edge.
     * A graphic of width w in a safe area at ax of width aw goes at {@code ax + x() * (aw - w)}.
     */
    public double x() {
        return x;
    }

    /** The same, top to bottom. */
    public double y() {
        return y;
    }
}

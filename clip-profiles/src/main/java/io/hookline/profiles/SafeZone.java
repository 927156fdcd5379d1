package io.hookline.profiles;

import java.io.Serializable;

/**
 * The margins of a rendition's frame that the platform covers with its own buttons and text, so graphics keep
 * out of them. Fractions rather than pixels, so that a draft rendered at half size keeps the same zone.
 *
 * @param top share of the frame height kept clear at the top, 0 to below 0.5
 * @param bottom share of the frame height kept clear at the bottom
 * @param left share of the frame width kept clear on the left
 * @param right share of the frame width kept clear on the right
 */
public record SafeZone(double top, double bottom, double left, double right) implements Serializable {

    /** No margins: the whole frame is usable. */
    public static final SafeZone NONE = new SafeZone(0, 0, 0, 0);

    /** The part of a frame of this size where graphics may go, rounded inwards to whole pixels. */
    public Area area(int frameWidth, int frameHeight) {
        int x = (int) Math.ceil(left * frameWidth - 1e-9);
        int y = (int) Math.ceil(top * frameHeight - 1e-9);
        int right = (int) Math.floor((1 - this.right) * frameWidth + 1e-9);
        int bottom = (int) Math.floor((1 - this.bottom) * frameHeight + 1e-9);
        return new Area(x, y, right - x, bottom - y);
    }

    /** A rectangle in pixels, from the frame's top-left corner. */
    public record Area(int x, int y, int width, int height) {}
}

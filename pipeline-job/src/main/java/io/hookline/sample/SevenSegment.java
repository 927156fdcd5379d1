package io.hookline.sample;

/** Draws numbers as seven-segment digits straight into a picture, so no font or Java2D is needed. */
final class SevenSegment {
    // Segment bits: a (top), b (top right), c (bottom right), d (bottom), e (bottom left), f (top left), g (middle).
    private static final int[] DIGITS = {
        0b0111111, 0b0000110, 0b1011011, 0b1001111, 0b1100110,
        0b1101101, 0b1111101, 0b0000111, 0b1111111, 0b1101111,
    };

    private final int digitWidth;
    private final int digitHeight;
    private final int thickness;
    private final int gap;

    SevenSegment(int digitHeight) {
        this.digitHeight = digitHeight;
        this.digitWidth = digitHeight / 2;
        this.thickness = Math.max(1, digitHeight / 9);
        this.gap = Math.max(1, digitHeight / 6);
    }

    /** The width of a number of {@code digits} digits. */
    int width(int digits) {
        return digits * digitWidth + (digits - 1) * gap;
    }

    int height() {
        return digitHeight;
    }

    /** Draws {@code value} right-aligned in a field of {@code digits} digits whose top-left corner is (x, y). */
    void draw(YuvPicture picture, int x, int y, int digits, long value, int luma) {
        long rest = value;
        for (int place = digits - 1; place >= 0; place--) {
            drawDigit(picture, x + place * (digitWidth + gap), y, (int) (rest % 10), luma);
            rest /= 10;
            if (rest == 0) {
                return;
            }
        }
    }

    private void drawDigit(YuvPicture picture, int x, int y, int digit, int luma) {
        int segments = DIGITS[digit];
        int half = (digitHeight - thickness) / 2;
        int upright = half + thickness;
        int right = x + digitWidth - thickness;
        int bottom = y + digitHeight - thickness;
        segment(picture, segments, 0, x, y, digitWidth, thickness, luma);
        segment(picture, segments, 1, right, y, thickness, upright, luma);
        segment(picture, segments, 2, right, y + half, thickness, digitHeight - half, luma);
        segment(picture, segments, 3, x, bottom, digitWidth, thickness, luma);
        segment(picture, segments, 4, x, y + half, thickness, digitHeight - half, luma);
        segment(picture, segments, 5, x, y, thickness, upright, luma);
        segment(picture, segments, 6, x, y + half, digitWidth, thickness, luma);
    }

    private static void segment(YuvPicture picture, int segments, int bit, int x, int y, int w, int h, int luma) {
        if ((segments & (1 << bit)) != 0) {
            picture.fillLuma(x, y, w, h, luma);
        }
    }
}

package io.hookline.sample;

/**
 * Paints frame {@code n} of the synthetic match: a green pitch with markings, a ball that moves with time, the frame
 * number in large seven-segment digits for people, and the {@link FrameCode} bands at the top for tests.
 *
 * <p>The static pitch is painted once; each frame copies it and draws only what changes, which keeps generation
 * far cheaper than encoding.
 */
final class PitchPicture {
    // Grass (two mowing shades) and line colours, BT.601 limited range.
    private static final int GRASS_LUMA = 104;
    private static final int GRASS_LUMA_LIGHT = 114;
    private static final int GRASS_U = 108;
    private static final int GRASS_V = 90;
    private static final int LINE_LUMA = 200;
    private static final int PANEL_LUMA = 28;
    private static final int SHADOW_LUMA = 72;
    private static final double BALL_PERIOD_X_SECONDS = 7.3;
    private static final double BALL_PERIOD_Y_SECONDS = 4.1;

    private final int fps;
    private final YuvPicture background;
    private final SevenSegment digits;
    private final int digitCount;
    private final int digitsX;
    private final int digitsY;
    private final double ballRadius;
    private final double ballCentreX;
    private final double ballCentreY;
    private final double ballReachX;
    private final double ballReachY;

    PitchPicture(int width, int height, int fps, long frameCount) {
        this.fps = fps;
        this.background = new YuvPicture(width, height);
        int top = FrameCode.codeRows(height);
        int margin = Math.max(2, height / 40);
        this.digits = new SevenSegment(Math.max(7, height * 3 / 20));
        this.digitCount = Long.toString(Math.max(0, frameCount - 1)).length();
        this.digitsX = (width - digits.width(digitCount)) / 2;
        this.digitsY = top + 2 * margin;
        int panelBottom = digitsY + digits.height() + margin;

        paintPitch(top, margin);
        background.fill(
                digitsX - margin,
                digitsY - margin,
                digits.width(digitCount) + 2 * margin,
                panelBottom - digitsY + margin,
                PANEL_LUMA,
                YuvPicture.NEUTRAL,
                YuvPicture.NEUTRAL);

        this.ballRadius = Math.max(2, height / 36.0);
        double left = margin + ballRadius;
        double right = width - margin - ballRadius;
        double upper = panelBottom + margin + ballRadius;
        double lower = height - margin - ballRadius;
        this.ballCentreX = (left + right) / 2;
        this.ballCentreY = (upper + lower) / 2;
        this.ballReachX = Math.max(0, (right - left) / 2);
        this.ballReachY = Math.max(0, (lower - upper) / 2);
    }

    void paint(long frameNumber, YuvPicture target) {
        target.copyFrom(background);
        digits.draw(target, digitsX, digitsY, digitCount, frameNumber, YuvPicture.WHITE);
        double[] ball = ball(frameNumber);
        double x = ball[0];
        double y = ball[1];
        target.fillDisc(x + ballRadius * 0.3, y + ballRadius * 0.5, ballRadius, SHADOW_LUMA, GRASS_U, GRASS_V);
        target.fillDisc(x, y, ballRadius, YuvPicture.WHITE, YuvPicture.NEUTRAL, YuvPicture.NEUTRAL);
        FrameCode.paint(target, frameNumber);
    }

    /** Where the ball's centre is in frame {@code n}, in pixels. */
    double[] ball(long frameNumber) {
        double seconds = (double) frameNumber / fps;
        return new double[] {
            ballCentreX + ballReachX * Math.sin(2 * Math.PI * seconds / BALL_PERIOD_X_SECONDS),
            ballCentreY + ballReachY * Math.sin(2 * Math.PI * seconds / BALL_PERIOD_Y_SECONDS + 1)
        };
    }

    double ballRadius() {
        return ballRadius;
    }

    private void paintPitch(int top, int margin) {
        int width = background.width();
        int height = background.height();
        int stripe = Math.max(2, width / 12);
        for (int x = 0; x < width; x += stripe) {
            int luma = (x / stripe) % 2 == 0 ? GRASS_LUMA : GRASS_LUMA_LIGHT;
            background.fill(x, top, stripe, height - top, luma, GRASS_U, GRASS_V);
        }
        int line = Math.max(2, height / 180);
        int left = margin;
        int right = width - margin;
        int upper = top + margin;
        int lower = height - margin;
        outline(left, upper, right - left, lower - upper, line);
        background.fill(
                width / 2 - line / 2, upper, line, lower - upper, LINE_LUMA, YuvPicture.NEUTRAL, YuvPicture.NEUTRAL);
        int boxDepth = (right - left) / 7;
        int boxHeight = (lower - upper) * 3 / 5;
        int boxTop = (upper + lower - boxHeight) / 2;
        outline(left, boxTop, boxDepth, boxHeight, line);
        outline(right - boxDepth, boxTop, boxDepth, boxHeight, line);
        ring(width / 2.0, (upper + lower) / 2.0, (lower - upper) / 5.0, line);
    }

    private void outline(int x, int y, int w, int h, int line) {
        int u = YuvPicture.NEUTRAL;
        background.fill(x, y, w, line, LINE_LUMA, u, u);
        background.fill(x, y + h - line, w, line, LINE_LUMA, u, u);
        background.fill(x, y, line, h, LINE_LUMA, u, u);
        background.fill(x + w - line, y, line, h, LINE_LUMA, u, u);
    }

    private void ring(double cx, double cy, double radius, int line) {
        for (int y = (int) (cy - radius); y <= (int) (cy + radius); y++) {
            for (int x = (int) (cx - radius); x <= (int) (cx + radius); x++) {
                double distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                if (distance <= radius && distance > radius - line) {
                    background.fill(x, y, 1, 1, LINE_LUMA, YuvPicture.NEUTRAL, YuvPicture.NEUTRAL);
                }
            }
        }
    }
}

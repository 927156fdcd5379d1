package io.hookline.sample;

/** A second-order IIR filter (the "audio EQ cookbook" forms) used to shape the synthetic crowd noise. */
final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    /** A band-pass with 0 dB gain at its centre. */
    static Biquad bandPass(double centreHz, double q, int sampleRate) {
        double w = 2 * Math.PI * centreHz / sampleRate;
        double alpha = Math.sin(w) / (2 * q);
        return new Biquad(alpha, 0, -alpha, 1 + alpha, -2 * Math.cos(w), 1 - alpha);
    }

    /** A notch that removes {@code centreHz}. */
    static Biquad notch(double centreHz, double q, int sampleRate) {
        double w = 2 * Math.PI * centreHz / sampleRate;
        double alpha = Math.sin(w) / (2 * q);
        double cos = Math.cos(w);
        return new Biquad(1, -2 * cos, 1, 1 + alpha, -2 * cos, 1 - alpha);
    }

    double apply(double x) {
        double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
}

package io.hookline.render;

/** A frame rate as an exact fraction, so 29.97 stays 30000/1001 and timestamps never drift. */
record FrameRate(int num, int den) {

    static FrameRate of(double fps) {
        if (Math.abs(fps - Math.rint(fps)) < 1e-6) {
            return new FrameRate((int) Math.rint(fps), 1);
        }
        double ntsc = fps * 1.001;
        if (Math.abs(ntsc - Math.rint(ntsc)) < 1e-3) {
            return new FrameRate((int) Math.rint(ntsc) * 1000, 1001);
        }
        return new FrameRate((int) Math.round(fps * 1000), 1000);
    }

    double fps() {
        return num / (double) den;
    }

    /** Microseconds from the first frame to frame {@code k}. */
    long frameTimeUs(long k) {
        return Math.round(k * 1_000_000.0 * den / num);
    }

    /** Whole frames in a duration, rounded to the nearest. */
    int framesIn(long durationUs) {
        return (int) Math.round(durationUs * (double) num / (den * 1_000_000.0));
    }
}

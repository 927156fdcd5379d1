package io.hookline.profiles;

/** The editors write seconds and megabytes; the code works in milliseconds and bytes. */
final class Units {

    private Units() {}

    static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    /** 1 MB is 1,000,000 bytes, the stricter of the two readings a platform's "16 MB" may have. */
    static long bytes(double megabytes) {
        return Math.round(megabytes * 1_000_000);
    }
}

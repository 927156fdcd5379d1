package io.hookline.ingest.video;

/** Video times as people read them: {@code 1:23:10}, {@code 4:05}, or with tenths, {@code 0:34.0}. */
final class VideoTime {

    private VideoTime() {}

    /** Whole seconds: h:mm:ss from an hour on, m:ss below. */
    static String format(long ms) {
        long seconds = Math.floorDiv(ms, 1000);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format("%d:%02d", minutes, seconds % 60);
    }

    /** With tenths of a second, for segment bounds that rarely fall on whole seconds. */
    static String withTenths(long ms) {
        return format(ms) + "." + Math.floorMod(ms, 1000) / 100;
    }
}

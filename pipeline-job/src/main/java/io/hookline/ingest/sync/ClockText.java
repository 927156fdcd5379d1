package io.hookline.ingest.sync;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock and video times as people and providers write them: {@code 7:41}, {@code 00:18:21.121}, {@code 1:02:03},
 * or plain seconds ({@code 91.56}).
 */
public final class ClockText {
    // [[hours:]minutes:]seconds[.fraction]; the first part may be any size ("93:08" in soccer's second half).
    private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(?:(\\d+):)?(\\d+)(?:\\.(\\d{1,3}))?");

    private ClockText() {}

    /** The time in milliseconds; throws with the reason when the text is not a time. */
    public static long parseMs(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = TIME.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + t + "' is not a time (expected M:SS, H:MM:SS or seconds," + " with up to 3 decimals)");
        }
        // With one colon the groups fill as (minutes, -, seconds); with two as (hours, minutes, seconds).
        String hours = m.group(2) != null ? m.group(1) : null;
        String minutes = m.group(2) != null ? m.group(2) : m.group(1);
        long seconds = Long.parseLong(m.group(3));
        if (minutes != null && seconds >= 60 || hours != null && Long.parseLong(minutes) >= 60) {
            throw new IllegalArgumentException(
                    "'" + t + "' is not a time (seconds and minutes after a colon" + " must be below 60)");
        }
        String fraction = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
        long ms = seconds * 1000 + Long.parseLong(fraction);
        if (minutes != null) {
            ms += Long.parseLong(minutes) * 60_000;
        }
        if (hours != null) {
            ms += Long.parseLong(hours) * 3_600_000;
        }
        return ms;
    }

    /** {@code 7:41}, {@code 1:02:03.500}: the shortest form that shows the time exactly. */
    public static String format(long ms) {
        long s = ms / 1000;
        String millis = ms % 1000 == 0 ? "" : String.format(Locale.ROOT, ".%03d", ms % 1000);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d%s", s / 3600, s / 60 % 60, s % 60, millis);
        }
        return String.format(Locale.ROOT, "%d:%02d%s", s / 60, s % 60, millis);
    }

    /** A video time, always with hours: {@code 0:12:00}, {@code 1:02:03.500}. */
    public static String formatVideo(long ms) {
        String millis = ms % 1000 == 0 ? "" : String.format(Locale.ROOT, ".%03d", ms % 1000);
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d%s", s / 3600, s / 60 % 60, s % 60, millis);
    }
}

package io.hookline.console;

import java.util.regex.Pattern;

/**
 * Match, clip, rendition and destination names as they come from a URL, checked before they touch a path or a
 * key. The web server has decoded them once already; what is left must be a plain name: letters, digits and
 * {@code . _ -}, not starting with a dot, so {@code ..}, a slash, a backslash or a second encoding
 * ({@code %2e}) never reach the file system or S3.
 */
public final class Ids {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private Ids() {}

    /** The name itself when it is safe, else {@link BadIdException} saying which part of the URL is wrong. */
    public static String require(String value, String what) {
        if (value == null || !NAME.matcher(value).matches() || value.contains("..")) {
            throw new BadIdException(what + " is not a valid name: " + shown(value));
        }
        return value;
    }

    public static boolean valid(String value) {
        return value != null && NAME.matcher(value).matches() && !value.contains("..");
    }

    /** The refused value, cut short and without control characters, for the error page. */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /** A refused id: the request is answered 400 and nothing is read. */
    public static final class BadIdException extends RuntimeException {
        BadIdException(String message) {
            super(message);
        }
    }
}

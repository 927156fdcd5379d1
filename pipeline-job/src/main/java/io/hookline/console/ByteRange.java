package io.hookline.console;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a {@code Range: bytes=...} header that a video element sends ({@code a-b}, {@code a-}
 * or {@code -n}), clamped to the file. Several ranges in one request are answered as the whole file, which
 * HTTP allows.
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    /**
     * Empty when there is no usable range (answer the whole file); {@link Unsatisfiable} when it starts past the
     * end (answer 416).
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw new Unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                throw new Unsatisfiable(size);
            }
            return last < first ? Optional.empty() : Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long: not a range this server gives
        }
    }

    /** A range that starts beyond the file. */
    static final class Unsatisfiable extends RuntimeException {
        final long size;

        Unsatisfiable(long size) {
            super("the range starts beyond the file's " + size + " bytes");
            this.size = size;
        }
    }
}

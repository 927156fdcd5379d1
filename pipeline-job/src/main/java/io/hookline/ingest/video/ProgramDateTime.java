package io.hookline.ingest.video;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads EXT-X-PROGRAM-DATE-TIME values. RFC 8216 asks for ISO 8601 with a zone, but encoders also write
 * {@code +0200} (no colon) or no zone at all; a date with no zone is taken as UTC.
 */
final class ProgramDateTime {
    private static final DateTimeFormatter COMPACT_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]XX");

    private ProgramDateTime() {}

    /** The instant, or null when the text is not a date and time. */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // Try the other spellings below.
        }
        try {
            return OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            // Try without a zone.
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.hookline.ingest.video;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One reading of an HLS media playlist (RFC 8216 section 4.3): its segments in order, with the tags that place
 * them in time. URIs are kept as written; {@link Resources#resolve} makes them absolute against the playlist.
 *
 * @param name the playlist's location, for messages
 * @param targetDurationMs EXT-X-TARGETDURATION
 * @param mediaSequence EXT-X-MEDIA-SEQUENCE: the sequence number of the first segment listed
 * @param ended EXT-X-ENDLIST: no segment will be added
 */
public record MediaPlaylist(
        String name, long targetDurationMs, long mediaSequence, boolean ended, List<Segment> segments) {

    /**
     * One media segment.
     *
     * @param sequence its media sequence number, which identifies it across refreshes of a live playlist
     * @param durationUs its EXTINF duration
     * @param initUri the EXT-X-MAP URI in force (fMP4 init segment), or null for self-contained segments
     * @param discontinuity the discontinuity sequence number: segments with different numbers may restart
     *     their timestamps, so they are never joined into one file
     * @param programDateTime the wall-clock time of its first sample (EXT-X-PROGRAM-DATE-TIME), or null
     */
    public record Segment(
            long sequence, String uri, long durationUs, String initUri, long discontinuity, Instant programDateTime) {}

    public MediaPlaylist {
        segments = List.copyOf(segments);
    }

    /**
     * Parses playlist text.
     *
     * @throws PlaylistException naming the playlist and line for malformed text, for a master playlist (naming
     *     its variants), and for encrypted or byte-range segments, which this reader does not handle
     */
    public static MediaPlaylist parse(String name, String text) throws PlaylistException {
        return new Parser(name, text).parse();
    }

    /** Reads the playlist line by line, keeping the tags that apply to the next segment URI. */
    private static final class Parser {
        private final String name;
        private final String[] lines;
        private final List<Segment> segments = new ArrayList<>();
        private final List<String> variants = new ArrayList<>();
        private long targetDurationMs = -1;
        private long mediaSequence;
        private long discontinuitySequence;
        private boolean ended;
        private int lineNumber;
        // Tags that apply to the next URI only.
        private long pendingDurationUs = -1;
        private boolean pendingDiscontinuity;
        private Instant pendingDate;
        private String pendingVariant;
        // Tags that stay in force until changed.
        private String initUri;
        private boolean segmentsSeen;

        Parser(String name, String text) {
            this.name = name;
            this.lines = text.split("\r?\n", -1);
        }

        MediaPlaylist parse() throws PlaylistException {
            if (lines.length == 0 || !lines[0].strip().equals("#EXTM3U")) {
                lineNumber = 1;
                throw error("a playlist starts with #EXTM3U");
            }
            for (lineNumber = 2; lineNumber <= lines.length; lineNumber++) {
                String line = lines[lineNumber - 1].strip();
                if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("#EXT"))) {
                    continue;
                }
                if (line.startsWith("#")) {
                    tag(line);
                } else if (pendingVariant != null) {
                    variants.add(line + pendingVariant);
                    pendingVariant = null;
                } else {
                    uri(line);
                }
            }
            if (!variants.isEmpty()) {
                throw new PlaylistException(name + " is a master playlist; give one of its media playlists: "
                        + String.join(", ", variants));
            }
            if (targetDurationMs < 0) {
                throw new PlaylistException(name + ": no #EXT-X-TARGETDURATION, so it is not a media playlist");
            }
            if (pendingDurationUs >= 0) {
                lineNumber = lines.length;
                throw error("#EXTINF is not followed by a segment URI");
            }
            return new MediaPlaylist(name, targetDurationMs, mediaSequence, ended, segments);
        }

        private void tag(String line) throws PlaylistException {
            int colon = line.indexOf(':');
            String tag = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (tag) {
                case "#EXTINF" -> pendingDurationUs = durationUs(value.split(",", 2)[0]);
                case "#EXT-X-TARGETDURATION" -> targetDurationMs = 1000 * number(value, tag);
                case "#EXT-X-MEDIA-SEQUENCE" -> mediaSequence = beforeSegments(tag, number(value, tag));
                case "#EXT-X-DISCONTINUITY-SEQUENCE" -> discontinuitySequence = beforeSegments(tag, number(value, tag));
                case "#EXT-X-ENDLIST" -> ended = true;
                case "#EXT-X-DISCONTINUITY" -> pendingDiscontinuity = true;
                case "#EXT-X-PROGRAM-DATE-TIME" -> pendingDate = date(value);
                case "#EXT-X-MAP" -> initUri = mapUri(value);
                case "#EXT-X-KEY" -> noEncryption(value);
                case "#EXT-X-BYTERANGE" -> throw error("byte-range segments (#EXT-X-BYTERANGE) are not supported");
                case "#EXT-X-STREAM-INF" -> pendingVariant = variant(value);
                default -> {
                    // Other tags (VERSION, PLAYLIST-TYPE, INDEPENDENT-SEGMENTS, ...) do not change the timeline.
                }
            }
        }

        private void uri(String line) throws PlaylistException {
            if (pendingDurationUs < 0) {
                throw error("segment URI '" + line + "' has no #EXTINF before it");
            }
            segmentsSeen = true;
            if (pendingDiscontinuity) {
                discontinuitySequence++;
            }
            long sequence = mediaSequence + segments.size();
            segments.add(new Segment(sequence, line, pendingDurationUs, initUri, discontinuitySequence, pendingDate));
            pendingDurationUs = -1;
            pendingDiscontinuity = false;
            pendingDate = null;
        }

        private long durationUs(String text) throws PlaylistException {
            try {
                BigDecimal seconds = new BigDecimal(text.strip());
                if (seconds.signum() < 0) {
                    throw error("#EXTINF duration is negative: " + text);
                }
                return seconds.movePointRight(6)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw error("#EXTINF needs a duration in seconds, not '" + text + "'");
            }
        }

        private long number(String text, String tag) throws PlaylistException {
            try {
                long value = Long.parseLong(text);
                if (value < 0) {
                    throw error(tag + " is negative: " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw error(tag + " needs a whole number, not '" + text + "'");
            }
        }

        private long beforeSegments(String tag, long value) throws PlaylistException {
            if (segmentsSeen) {
                throw error(tag + " must come before the first segment");
            }
            return value;
        }

        private Instant date(String text) throws PlaylistException {
            Instant date = ProgramDateTime.parse(text);
            if (date == null) {
                throw error("#EXT-X-PROGRAM-DATE-TIME needs an ISO 8601 date and time, not '" + text + "'");
            }
            return date;
        }

        private String mapUri(String value) throws PlaylistException {
            Map<String, String> attributes = Attributes.parse(value);
            if (attributes.containsKey("BYTERANGE")) {
                throw error("an init segment with a BYTERANGE is not supported");
            }
            String uri = attributes.get("URI");
            if (uri == null || uri.isEmpty()) {
                throw error("#EXT-X-MAP needs a URI attribute");
            }
            return uri;
        }

        private void noEncryption(String value) throws PlaylistException {
            String method = Attributes.parse(value).getOrDefault("METHOD", "");
            if (!method.equals("NONE")) {
                throw error("encrypted segments (#EXT-X-KEY METHOD=" + method + ") are not supported");
            }
        }

        private static String variant(String value) {
            Map<String, String> attributes = Attributes.parse(value);
            StringBuilder what = new StringBuilder(" [");
            what.append(attributes.getOrDefault("BANDWIDTH", "?")).append(" bit/s");
            if (attributes.containsKey("RESOLUTION")) {
                what.append(", ").append(attributes.get("RESOLUTION"));
            }
            // The URI on the next line goes in front: "v720.m3u8 [3000000 bit/s, 1280x720]".
            return what.append(']').toString();
        }

        private PlaylistException error(String message) {
            return new PlaylistException(name + " line " + lineNumber + ": " + message);
        }
    }
}

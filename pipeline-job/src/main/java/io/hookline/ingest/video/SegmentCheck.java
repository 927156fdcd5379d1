package io.hookline.ingest.video;

import java.nio.charset.StandardCharsets;

/**
 * Tells whether a segment's bytes can be demuxed before they are joined into a window: an empty file, a TS
 * segment that loses packet sync or an fMP4 fragment whose boxes do not add up would otherwise hand the
 * decoder garbage in the middle of a clip.
 */
final class SegmentCheck {
    static final int TS_PACKET = 188;
    private static final byte TS_SYNC = 0x47;

    private SegmentCheck() {}

    /** Why an MPEG-TS segment cannot be used, or null when it can. */
    static String tsProblem(byte[] data) {
        if (data.length < TS_PACKET) {
            return data.length == 0 ? "is empty" : "is shorter than one MPEG-TS packet";
        }
        for (int packet = 0; packet + TS_PACKET <= data.length; packet += TS_PACKET) {
            if (data[packet] != TS_SYNC) {
                return "is not MPEG-TS (no sync byte at byte " + packet + ")";
            }
        }
        return null;
    }

    /** Why an fMP4 media segment cannot be used, or null when it can. */
    static String fragmentProblem(byte[] data) {
        return boxProblem(data, "moof", "mdat");
    }

    /** Why an fMP4 init segment cannot be used, or null when it can. */
    static String initProblem(byte[] data) {
        return boxProblem(data, "moov", "moov");
    }

    /** Whether the bytes start like an ISO BMFF file (a box with a printable type) rather than MPEG-TS. */
    static boolean looksLikeMp4(byte[] data) {
        return data.length >= 8 && data[0] != TS_SYNC && printable(data, 4);
    }

    /** Walks the top-level boxes: each must have a printable type and fit in the data. */
    private static String boxProblem(byte[] data, String first, String second) {
        if (data.length == 0) {
            return "is empty";
        }
        boolean sawFirst = false;
        boolean sawSecond = false;
        long at = 0;
        while (at < data.length) {
            if (at + 8 > data.length || !printable(data, (int) at + 4)) {
                return "is not fMP4 (no box at byte " + at + ")";
            }
            long size = uint32(data, (int) at);
            if (size == 1 && at + 16 <= data.length) {
                size = (uint32(data, (int) at + 8) << 32) | uint32(data, (int) at + 12);
            } else if (size == 0) {
                size = data.length - at;
            }
            if (size < 8 || at + size > data.length) {
                return "is not fMP4 (box at byte " + at + " does not fit)";
            }
            String type = new String(data, (int) at + 4, 4, StandardCharsets.US_ASCII);
            sawFirst |= type.equals(first);
            sawSecond |= type.equals(second);
            at += size;
        }
        return sawFirst && sawSecond ? null : "has no " + (sawFirst ? second : first) + " box";
    }

    static long uint32(byte[] data, int at) {
        return ((data[at] & 0xFFL) << 24)
                | ((data[at + 1] & 0xFFL) << 16)
                | ((data[at + 2] & 0xFFL) << 8)
                | (data[at + 3] & 0xFFL);
    }

    private static boolean printable(byte[] data, int at) {
        for (int i = at; i < at + 4; i++) {
            if (data[i] < 0x20 || data[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }
}

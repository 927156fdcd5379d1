package io.hookline.ingest.video;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The boxes of ISO BMFF bytes (MP4), one level at a time; a box that does not fit ends the level. */
final class Boxes {

    /** A box: its type, where it starts, where its body starts and where it ends, all in the same bytes. */
    record Box(String type, int start, int body, int end) {
        boolean is(String name) {
            return type.equals(name);
        }
    }

    private Boxes() {}

    /** The boxes inside {@code parent}. */
    static List<Box> children(byte[] data, Box parent) {
        return children(data, parent.body(), parent.end());
    }

    /** The boxes laid end to end in [from, to). */
    static List<Box> children(byte[] data, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at + 8 <= to) {
            long size = SegmentCheck.uint32(data, at);
            int header = 8;
            if (size == 1 && at + 16 <= to) {
                size = (SegmentCheck.uint32(data, at + 8) << 32) | SegmentCheck.uint32(data, at + 12);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                break;
            }
            boxes.add(new Box(
                    new String(data, at + 4, 4, StandardCharsets.US_ASCII), at, at + header, (int) (at + size)));
            at += (int) size;
        }
        return boxes;
    }
}

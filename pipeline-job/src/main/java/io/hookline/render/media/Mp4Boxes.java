package io.hookline.render.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the box structure of an MP4 far enough to answer questions about it, without a demuxer. */
final class Mp4Boxes {

    private Mp4Boxes() {}

    /** Whether any track carries an edit list (moov/trak/edts), which some platforms reject. */
    static boolean hasEditList(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] moov = find(channel, 0, channel.size(), "moov");
            if (moov == null) {
                return false;
            }
            long at = moov[0];
            while (at < moov[1]) {
                long[] trak = find(channel, at, moov[1], "trak");
                if (trak == null) {
                    return false;
                }
                if (find(channel, trak[0], trak[1], "edts") != null) {
                    return true;
                }
                at = trak[1];
            }
            return false;
        }
    }

    /** The first child box of this type in [from, to): {contentStart, end}, or null. */
    private static long[] find(FileChannel channel, long from, long to, String type) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16);
        long at = from;
        while (at + 8 <= to) {
            header.clear().limit(8);
            channel.read(header, at);
            long size = header.getInt(0) & 0xffffffffL;
            String name = new String(header.array(), 4, 4, StandardCharsets.US_ASCII);
            long headerLength = 8;
            if (size == 1) {
                header.clear().limit(8);
                channel.read(header, at + 8);
                size = header.getLong(0);
                headerLength = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerLength) {
                return null;
            }
            if (name.equals(type)) {
                return new long[] {at + headerLength, at + size};
            }
            at += size;
        }
        return null;
    }
}

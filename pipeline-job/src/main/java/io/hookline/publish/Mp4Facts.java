package io.hookline.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a platform's limits need from a clip file, read from its MP4 boxes (no decoder): the container's brand,
 * the movie's duration and the video track's frame size. The file itself is probed because it is what gets
 * uploaded.
 *
 * @param brand the ftyp major brand, such as {@code isom}, {@code mp42} or {@code 3gp4}
 */
public record Mp4Facts(String brand, long durationMs, int width, int height) {
    /** A moov box this large is not a clip's. */
    private static final long MAX_MOOV = 64L << 20;

    public boolean vertical() {
        return height > width;
    }

    /** Reads {@code file}; {@link NotMp4Exception} when it is not an MP4 with a video track. */
    public static Mp4Facts read(Path file) throws IOException, NotMp4Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            String brand = "";
            long position = 0;
            while (position + 8 <= size) {
                ByteBuffer header = readAt(channel, position, 16);
                long boxSize = header.getInt(0) & 0xffffffffL;
                String type = type(header, 4);
                int headerLength = 8;
                if (boxSize == 1) {
                    boxSize = header.getLong(8);
                    headerLength = 16;
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (position == 0 && !type.equals("ftyp")) {
                    throw new NotMp4Exception(file + " is not an MP4 file (it starts with no ftyp box)");
                }
                if (boxSize < headerLength || position + boxSize > size) {
                    throw new NotMp4Exception(
                            file + ": box '" + type + "' at byte " + position + " runs past the file");
                }
                if (type.equals("ftyp") && boxSize >= headerLength + 4) {
                    ByteBuffer major = readAt(channel, position + headerLength, 4);
                    brand = major.remaining() == 4 ? type(major, 0) : "";
                } else if (type.equals("moov")) {
                    if (boxSize > MAX_MOOV) {
                        throw new NotMp4Exception(file + ": its moov box of " + boxSize + " bytes is not a clip's");
                    }
                    return movie(file, brand, readAt(channel, position + headerLength, (int) (boxSize - headerLength)));
                }
                position += boxSize;
            }
            throw new NotMp4Exception(file + " is not an MP4 file (no moov box)");
        }
    }

    private static Mp4Facts movie(Path file, String brand, ByteBuffer moov) throws NotMp4Exception {
        long durationMs = -1;
        int width = 0;
        int height = 0;
        for (int at = 0; at + 8 <= moov.limit(); ) {
            int size = moov.getInt(at);
            String type = type(moov, at + 4);
            if (size < 8 || at + size > moov.limit()) {
                break;
            }
            ByteBuffer body = moov.slice(at + 8, size - 8);
            if (type.equals("mvhd")) {
                durationMs = mvhdDurationMs(body);
            } else if (type.equals("trak") && width == 0 && isVideo(body)) {
                ByteBuffer tkhd = child(body, "tkhd");
                // width and height are the last 8 bytes, as 16.16 fixed point
                width = tkhd.getInt(tkhd.limit() - 8) >>> 16;
                height = tkhd.getInt(tkhd.limit() - 4) >>> 16;
            }
            at += size;
        }
        if (durationMs < 0 || width == 0) {
            throw new NotMp4Exception(file + ": no movie header or no video track");
        }
        return new Mp4Facts(brand, durationMs, width, height);
    }

    private static long mvhdDurationMs(ByteBuffer mvhd) {
        boolean version1 = mvhd.get(0) == 1;
        long timescale = mvhd.getInt(version1 ? 20 : 12) & 0xffffffffL;
        long duration = version1 ? mvhd.getLong(24) : mvhd.getInt(16) & 0xffffffffL;
        return timescale == 0 ? 0 : duration * 1000 / timescale;
    }

    private static boolean isVideo(ByteBuffer trak) {
        ByteBuffer hdlr = child(child(trak, "mdia"), "hdlr");
        return hdlr.limit() >= 12 && type(hdlr, 8).equals("vide");
    }

    /** The body of the first child box of {@code type}, empty when there is none. */
    private static ByteBuffer child(ByteBuffer parent, String type) {
        for (int at = 0; at + 8 <= parent.limit(); ) {
            int size = parent.getInt(at);
            if (size < 8 || at + size > parent.limit()) {
                break;
            }
            if (type(parent, at + 4).equals(type)) {
                return parent.slice(at + 8, size - 8);
            }
            at += size;
        }
        return ByteBuffer.allocate(0);
    }

    private static String type(ByteBuffer buffer, int at) {
        byte[] name = new byte[4];
        buffer.get(at, name);
        return new String(name, StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, Math.max(0, channel.size() - position)));
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // read until full or end of file
        }
        return buffer.flip();
    }

    /** The file is not an MP4 a platform could take. */
    public static final class NotMp4Exception extends Exception {
        public NotMp4Exception(String message) {
            super(message);
        }
    }
}

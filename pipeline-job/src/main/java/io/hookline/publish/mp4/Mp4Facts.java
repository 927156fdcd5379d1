package io.hookline.publish.mp4;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * What a publisher checks of a clip before a platform sees it: the container's brand (ISO BMFF {@code ftyp})
 * and the duration its {@code moov/mvhd} header declares. Reads box headers only, so it costs a few small
 * reads whatever the file's size and wherever the moov sits.
 *
 * @param brand the ftyp major brand, such as {@code isom}, {@code mp42} or {@code 3gp4}
 */
public record Mp4Facts(String brand, Duration duration) {

    /** The facts of {@code file}; an IOException naming the file when it is not an MP4 (or 3GP) at all. */
    public static Mp4Facts read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String brand = null;
            long at = 0;
            long size = channel.size();
            while (at + 8 <= size) {
                ByteBuffer header = read(channel, at, 16);
                long boxSize = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                int headerSize = 8;
                if (boxSize == 1) {
                    boxSize = header.getLong(8);
                    headerSize = 16;
                } else if (boxSize == 0) {
                    boxSize = size - at; // the box runs to the end of the file
                }
                if (boxSize < headerSize) {
                    throw new IOException(file + ": broken MP4 box '" + type + "' at byte " + at);
                }
                if (at == 0 && !type.equals("ftyp")) {
                    throw new IOException(file + ": not an MP4 file (it does not start with an ftyp box)");
                }
                if (type.equals("ftyp")) {
                    brand = new String(read(channel, at + headerSize, 4).array(), StandardCharsets.ISO_8859_1);
                } else if (type.equals("moov")) {
                    return new Mp4Facts(brand, movieDuration(channel, file, at + headerSize, at + boxSize));
                }
                at += boxSize;
            }
            throw new IOException(file + ": no moov box, so no duration: the MP4 is incomplete");
        }
    }

    /** mvhd: version, flags, then (32- or 64-bit) times, the timescale and the duration. */
    private static Duration movieDuration(FileChannel channel, Path file, long from, long to) throws IOException {
        long at = from;
        while (at + 8 <= to) {
            ByteBuffer header = read(channel, at, 8);
            long boxSize = Integer.toUnsignedLong(header.getInt(0));
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("mvhd")) {
                ByteBuffer mvhd = read(channel, at + 8, 32);
                int version = mvhd.get(0);
                long timescale = Integer.toUnsignedLong(mvhd.getInt(version == 1 ? 20 : 12));
                long duration = version == 1 ? mvhd.getLong(24) : Integer.toUnsignedLong(mvhd.getInt(16));
                if (timescale == 0) {
                    throw new IOException(file + ": the mvhd box has a timescale of 0");
                }
                return Duration.ofMillis(Math.multiplyExact(duration, 1000L) / timescale);
            }
            if (boxSize < 8) {
                break;
            }
            at += boxSize;
        }
        throw new IOException(file + ": the moov box has no mvhd header");
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                if (buffer.position() >= 8 && length == 16) {
                    break; // a short last box header: the 64-bit size is not needed
                }
                throw new EOFException("the file ends inside an MP4 box at byte " + at);
            }
        }
        return buffer;
    }
}

package io.hookline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The lines of a UTF-8 text file (ended by \n, \r\n or \r), each decoded strictly. A reader that replaces
 * bad bytes would publish a player as "Kwame �� Asante"; here such a line says where its bad bytes are. A
 * byte order mark at the start of the file is skipped: editors on Windows write one, and it is not text.
 */
final class Utf8Lines implements Closeable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * @param number the line's number, from 1, counting blank lines
     * @param text the line; when it is not UTF-8, decoded with replacement characters, for showing
     * @param problem why the line is not UTF-8, or null
     */
    record Line(long number, String text, String problem) {}

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    /** The file offset of buffer[start]. */
    private long offset;

    private long number;
    private boolean begun;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (!begun) {
            begun = true;
            skipBom();
        }
        if (!fill()) {
            return null;
        }
        long lineOffset = offset;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (fill()) {
            int stop = start;
            while (stop < end && buffer[stop] != '\n' && buffer[stop] != '\r') {
                stop++;
            }
            line.write(buffer, start, stop - start);
            offset += stop - start;
            start = stop;
            if (stop == end) {
                continue;
            }
            byte terminator = buffer[start++];
            offset++;
            if (terminator == '\r' && fill() && buffer[start] == '\n') {
                start++;
                offset++;
            }
            break;
        }
        number++;
        return decode(line.toByteArray(), lineOffset);
    }

    private Line decode(byte[] bytes, long lineOffset) {
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        decoder.reset();
        CoderResult result = decoder.decode(input, output, true);
        if (!result.isError()) {
            decoder.flush(output);
            return new Line(number, output.flip().toString(), null);
        }
        int at = input.position();
        String bad = HexFormat.ofDelimiter(" ")
                .withUpperCase()
                .formatHex(bytes, at, Math.min(bytes.length, at + result.length()));
        return new Line(
                number,
                new String(bytes, StandardCharsets.UTF_8),
                "not UTF-8: the byte(s) " + bad
                        + " at byte " + (lineOffset + at) + " of the file (byte " + (at + 1) + " of the line) are not a"
                        + " character; save the feed as UTF-8");
    }

    private void skipBom() throws IOException {
        while (end - start < BOM.length && refill()) {
            // keep reading until the buffer holds three bytes or the file ends
        }
        if (end - start >= BOM.length
                && buffer[start] == BOM[0]
                && buffer[start + 1] == BOM[1]
                && buffer[start + 2] == BOM[2]) {
            start += BOM.length;
            offset += BOM.length;
        }
    }

    /** True when a byte is ready at buffer[start]. */
    private boolean fill() throws IOException {
        while (start == end) {
            start = 0;
            end = 0;
            if (!refill()) {
                return false;
            }
        }
        return true;
    }

    /** Appends what the stream gives to the buffer; false at the end of the file. */
    private boolean refill() throws IOException {
        if (end == buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package io.hookline.ingest;

import io.hookline.model.MatchEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads an Avro container file of MatchEvent records block by block, counting bytes. Avro's own stream
 * reader takes a file that ends inside a block for a file that ends cleanly, and cannot step over a damaged
 * block; this one frames the blocks itself, so a truncated file is reported where its data stops, and
 * reading resumes at the sync marker after a damaged block. Avro still decodes each block (codecs, schema
 * resolution).
 */
final class AvroBlockReader implements Closeable {
    private static final byte[] MAGIC = {'O', 'b', 'j', 1};
    private static final int SYNC_SIZE = 16;
    /** No header entry of a MatchEvent file comes near this; a bigger length is damage, not data. */
    private static final int MAX_HEADER_VALUE = 16 << 20;

    private static final int MAX_BLOCK = Integer.MAX_VALUE - 64;
    private static final int SCAN_CHUNK = 8192;

    /**
     * One block of the file: its events, or why none could be read.
     *
     * @param offset where the block starts in the file
     * @param problem null when the block was read whole
     */
    record Block(long offset, List<MatchEvent> events, String problem) {}

    private final String name;
    private final DataFileStream.Header header;
    private final byte[] sync;
    private final SpecificDatumReader<MatchEvent> datumReader = new SpecificDatumReader<>(MatchEvent.class);
    private final InputStream in;
    /** Bytes read past a resynchronisation point, to be read again before {@link #in}. */
    private byte[] pending = new byte[0];

    private int pendingAt;
    /** The file offset of the next byte to read. */
    private long offset;
    /** The bytes of the block being read, from its start. */
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    private boolean ended;

    private AvroBlockReader(String name, InputStream in, DataFileStream.Header header, byte[] sync, long offset) {
        this.name = name;
        this.in = in;
        this.header = header;
        this.sync = sync;
        this.offset = offset;
    }

    /**
     * Reads the header and checks that the records are MatchEvents.
     *
     * @throws IOException naming the file, and the byte where a damaged or cut header stops being readable
     */
    static AvroBlockReader open(InputStream in, String name) throws IOException {
        AvroBlockReader reader = new AvroBlockReader(name, in, null, null, 0);
        byte[] headerBytes;
        try {
            headerBytes = reader.readHeader();
        } catch (Truncated e) {
            throw refused(name, "the file ends inside its header, at byte " + reader.offset);
        } catch (Damaged e) {
            throw refused(name, "its header is damaged at byte " + reader.offset + ": " + e.getMessage());
        }
        DataFileStream.Header header;
        Schema schema;
        try (DataFileStream<MatchEvent> parsed = new DataFileStream<>(
                new ByteArrayInputStream(headerBytes), new SpecificDatumReader<>(MatchEvent.class))) {
            header = parsed.getHeader();
            schema = parsed.getSchema();
        } catch (IOException | AvroRuntimeException e) {
            throw refused(name, e.getMessage());
        }
        // Schemas are resolved only when a record is read; check now, so another file is refused whole.
        SchemaCompatibility.SchemaPairCompatibility match =
                SchemaCompatibility.checkReaderWriterCompatibility(MatchEvent.getClassSchema(), schema);
        if (match.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw refused(
                    name,
                    "its records are " + schema.getFullName()
                            + match.getResult().getIncompatibilities().stream()
                                    .map(i -> i.getType() + " " + i.getMessage() + " at " + i.getLocation())
                                    .collect(Collectors.joining("; ", " (", ")")));
        }
        byte[] sync = Arrays.copyOfRange(headerBytes, headerBytes.length - SYNC_SIZE, headerBytes.length);
        return new AvroBlockReader(name, in, header, sync, reader.offset);
    }

    private static IOException refused(String name, String why) {
        return new IOException(name + ": not a readable Avro file of MatchEvent records: " + why);
    }

    /** The next block, or null at the end of the file. */
    Block next() throws IOException {
        if (ended) {
            return null;
        }
        long start = offset;
        current.reset();
        long count;
        long size;
        try {
            int first = read();
            if (first < 0) {
                ended = true;
                return null;
            }
            count = readLong(first);
            size = readLong();
        } catch (Truncated e) {
            return truncated(start, "inside the header of the block that starts at byte " + start);
        }
        if (count < 0 || size < 0 || size > MAX_BLOCK) {
            return damaged(start, "its header is damaged (" + count + " records in " + size + " bytes)");
        }
        int read = readInto((int) size + SYNC_SIZE);
        if (read < size + SYNC_SIZE) {
            if (indexOfSync(current.toByteArray(), 1) >= 0) {
                // A later block's marker inside: the sizes are wrong, not the file short.
                return damaged(start, "its size (" + size + " bytes) runs past the next sync marker");
            }
            return truncated(
                    start,
                    "inside the block that starts at byte " + start + " (it declares " + count + " records in " + size
                            + " bytes)");
        }
        byte[] raw = current.toByteArray();
        if (!Arrays.equals(raw, raw.length - SYNC_SIZE, raw.length, sync, 0, SYNC_SIZE)) {
            return damaged(start, "the sync marker after its " + size + " bytes is wrong");
        }
        try {
            return new Block(start, decode(raw), null);
        } catch (IOException | RuntimeException e) {
            // The marker matched, so the next block starts right after this one.
            return new Block(
                    start,
                    List.of(),
                    "the block at byte " + start + " of " + name + " cannot be decoded (" + e.getMessage() + "): its "
                            + count + " records are lost");
        }
    }

    /** Avro's reader on the one block: it checks that the records use up the block's bytes exactly. */
    private List<MatchEvent> decode(byte[] raw) throws IOException {
        List<MatchEvent> events = new ArrayList<>();
        try (DataFileReader<MatchEvent> block =
                DataFileReader.openReader(new SeekableByteArrayInput(raw), datumReader, header, false)) {
            while (block.hasNext()) {
                events.add(block.next());
            }
        }
        return events;
    }

    private Block truncated(long start, String where) {
        ended = true;
        return new Block(
                start,
                List.of(),
                name + " is truncated: the data stops at byte " + offset + ", " + where
                        + "; the records from there on are lost");
    }

    /** Skips to the next sync marker after the block's first byte; the block is lost. */
    private Block damaged(long start, String why) throws IOException {
        long resumed = resync(start);
        String then = resumed < 0
                ? "no sync marker follows, so the rest of the file (from byte " + start + " to its end at byte "
                        + offset + ") is lost"
                : "its records are lost; reading resumed at the next sync marker, byte " + resumed;
        return new Block(
                start, List.of(), "the block at byte " + start + " of " + name + " is damaged: " + why + "; " + then);
    }

    /** @return the offset of the block after the next sync marker, or -1 when the file ends first */
    private long resync(long start) throws IOException {
        byte[] window = current.toByteArray();
        long windowStart = start;
        int from = 1;
        while (true) {
            int at = indexOfSync(window, from);
            if (at >= 0) {
                int after = at + SYNC_SIZE;
                // Bytes already read past the marker belong to the next block: read them again, then any
                // left from an earlier resynchronisation.
                pending = concat(
                        Arrays.copyOfRange(window, after, window.length),
                        Arrays.copyOfRange(pending, pendingAt, pending.length));
                pendingAt = 0;
                offset = windowStart + after;
                return offset;
            }
            byte[] more = readBytes(SCAN_CHUNK);
            if (more.length == 0) {
                ended = true;
                return -1;
            }
            // Keep the tail that could be the start of a marker cut by the chunk boundary.
            int keep = Math.min(window.length, SYNC_SIZE - 1);
            windowStart += window.length - keep;
            window = concat(Arrays.copyOfRange(window, window.length - keep, window.length), more);
            from = 0;
        }
    }

    private int indexOfSync(byte[] bytes, int from) {
        for (int i = from; i + SYNC_SIZE <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + SYNC_SIZE, sync, 0, SYNC_SIZE)) {
                return i;
            }
        }
        return -1;
    }

    /** Magic, metadata map and sync marker, read byte-exact (a buffering decoder would read into the blocks). */
    private byte[] readHeader() throws IOException {
        readExactly(MAGIC.length);
        for (long entries = readLong(); entries != 0; entries = readLong()) {
            if (entries < 0) {
                entries = -entries;
                readLong(); // the byte size of a block of entries, which is not needed
            }
            for (long i = 0; i < entries; i++) {
                readExactly(length("a metadata key"));
                readExactly(length("a metadata value"));
            }
        }
        readExactly(SYNC_SIZE);
        return current.toByteArray();
    }

    private int length(String what) throws IOException {
        long n = readLong();
        if (n < 0 || n > MAX_HEADER_VALUE) {
            throw new Damaged("the length of " + what + " is " + n);
        }
        return (int) n;
    }

    private void readExactly(int n) throws IOException {
        if (readInto(n) < n) {
            throw new Truncated();
        }
    }

    /** Reads up to n bytes into the current block; fewer only at the end of the file. */
    private int readInto(int n) throws IOException {
        byte[] bytes = readBytes(n);
        current.write(bytes);
        return bytes.length;
    }

    /** Up to n bytes, the pending ones first; fewer only at the end of the file. */
    private byte[] readBytes(int n) throws IOException {
        int fromPending = Math.min(n, pending.length - pendingAt);
        byte[] first = Arrays.copyOfRange(pending, pendingAt, pendingAt + fromPending);
        pendingAt += fromPending;
        byte[] bytes = concat(first, in.readNBytes(n - fromPending));
        offset += bytes.length;
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** One byte into the current block, or -1 at the end of the file. */
    private int read() throws IOException {
        int b = pendingAt < pending.length ? pending[pendingAt++] & 0xff : in.read();
        if (b >= 0) {
            current.write(b);
            offset++;
        }
        return b;
    }

    private long readLong() throws IOException {
        return readLong(read());
    }

    /** An Avro long, zig-zag encoded 7 bits a byte, whose first byte has been read. */
    private long readLong(int first) throws IOException {
        long value = 0;
        int b = first;
        for (int shift = 0; shift < 64; shift += 7) {
            if (b < 0) {
                throw new Truncated();
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (value >>> 1) ^ -(value & 1);
            }
            b = read();
        }
        throw new Damaged("a number runs over 10 bytes");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file ends before the structure being read does. */
    private static final class Truncated extends IOException {}

    /** What was read cannot be Avro framing. */
    private static final class Damaged extends IOException {
        Damaged(String message) {
            super(message);
        }
    }
}

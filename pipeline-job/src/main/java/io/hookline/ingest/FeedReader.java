package io.hookline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads a match feed: an Avro container file of MatchEvent records, or JSON Lines of the same records
 * (told apart by the Avro magic bytes). Every record comes out as a {@link FeedRecord}; one that cannot be
 * decoded carries the reason and the raw text instead of an event, so a bad line never stops the feed.
 */
public final class FeedReader implements Closeable {
    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The match of an unreadable record when no readable one says which match the feed is. */
    public static final String UNKNOWN_MATCH = "unknown-match";

    private final String name;
    private final BufferedReader lines;
    private final DataFileStream<MatchEvent> avro;
    /** Unreadable records wait here until a readable one tells which match they belong to. */
    private final Deque<FeedRecord> waiting = new ArrayDeque<>();
    private String lastMatchId;
    private long position;
    private boolean avroFailed;

    private FeedReader(String name, BufferedReader lines, DataFileStream<MatchEvent> avro) {
        this.name = name;
        this.lines = lines;
        this.avro = avro;
    }

    /** Opens a feed; {@code name} is how records name their origin (usually the file name). */
    public static FeedReader open(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(AVRO_MAGIC.length);
        byte[] head = buffered.readNBytes(AVRO_MAGIC.length);
        buffered.reset();
        if (Arrays.equals(head, AVRO_MAGIC)) {
            DataFileStream<MatchEvent> avro;
            try {
                avro = new DataFileStream<>(buffered, new SpecificDatumReader<>(MatchEvent.class));
            } catch (IOException | AvroRuntimeException e) {
                String why = e instanceof EOFException ? "the file ends inside its header" : e.getMessage();
                throw new IOException(name + ": not a readable Avro file of MatchEvent records: " + why, e);
            }
            // Schemas are resolved only when a record is read; check now, so another file is refused whole.
            SchemaCompatibility.SchemaPairCompatibility match =
                    SchemaCompatibility.checkReaderWriterCompatibility(MatchEvent.getClassSchema(), avro.getSchema());
            if (match.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                avro.close();
                throw new IOException(name + ": not a readable Avro file of MatchEvent records: its records are "
                        + avro.getSchema().getFullName() + match.getResult().getIncompatibilities().stream()
                                .map(i -> i.getType() + " " + i.getMessage() + " at " + i.getLocation())
                                .collect(Collectors.joining("; ", " (", ")")));
            }
            return new FeedReader(name, null, avro);
        }
        return new FeedReader(name, new BufferedReader(new InputStreamReader(buffered, StandardCharsets.UTF_8)), null);
    }

    /** The next record, or null at the end of the feed. */
    public FeedRecord next() throws IOException {
        while (true) {
            if (lastMatchId != null && !waiting.isEmpty()) {
                FeedRecord r = waiting.poll();
                if (r.getMatchId() == null) {
                    r.setMatchId(lastMatchId);
                }
                return r;
            }
            FeedRecord r = avro != null ? readAvro() : readLine();
            if (r == null) {
                // End of feed: release what is still waiting, attributed as well as we can.
                FeedRecord w = waiting.poll();
                if (w != null && w.getMatchId() == null) {
                    w.setMatchId(lastMatchId != null ? lastMatchId : UNKNOWN_MATCH);
                }
                return w;
            }
            if (r.getEvent() != null || r.getMatchId() != null) {
                lastMatchId = r.getMatchId();
                if (waiting.isEmpty()) {
                    return r;
                }
                waiting.add(r);
            } else {
                waiting.add(r);
            }
        }
    }

    private FeedRecord readLine() throws IOException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return null;
            }
            position++;
        } while (line.isBlank());
        String origin = name + ":" + position;
        try {
            MatchEvent event = MatchEventJson.parse(line);
            return record(origin, event.getMatchId(), event, null, null);
        } catch (FeedException e) {
            return record(origin, matchIdOf(line), null, e.getMessage(), line);
        }
    }

    private FeedRecord readAvro() {
        if (avroFailed) {
            return null;
        }
        long n = position + 1;
        String origin = name + " record " + n;
        try {
            // hasNext reads the next block, so a damaged block can fail here as well as in next.
            if (!avro.hasNext()) {
                return null;
            }
            MatchEvent event = avro.next();
            position = n;
            return record(origin, event.getMatchId(), event, null, null);
        } catch (AvroRuntimeException e) {
            // A damaged block cannot be resynchronised: report it and stop reading this file.
            avroFailed = true;
            position = n;
            return record(origin, null, null, "unreadable Avro record, the rest of the file was skipped: "
                    + e.getMessage(), null);
        }
    }

    private FeedRecord record(String origin, String matchId, MatchEvent event, String error, String raw) {
        return FeedRecord.newBuilder()
                .setOrigin(origin)
                .setSequence(position)
                .setMatchId(matchId)
                .setEvent(event)
                .setError(error)
                .setRaw(raw)
                .build();
    }

    /** The match id of a line that is valid JSON but not a valid event, when it says one. */
    private static String matchIdOf(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            JsonNode id = node == null ? null : node.get("matchId");
            return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (avro != null) {
            avro.close();
        } else {
            lines.close();
        }
    }
}

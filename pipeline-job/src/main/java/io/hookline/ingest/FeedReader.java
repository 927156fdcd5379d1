package io.hookline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Reads a match feed: an Avro container file of MatchEvent records, or JSON Lines of the same records in
 * UTF-8 (told apart by the Avro magic bytes). Every record comes out as a {@link FeedRecord}; one that cannot
 * be decoded carries the reason and the raw text instead of an event, so a bad line never stops the feed. In
 * an Avro file a damaged block becomes one such record, naming its byte offset, and reading resumes at the
 * next block; a file that ends inside a block ends with one, naming the byte where the data stops.
 */
public final class FeedReader implements Closeable {
    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The match of an unreadable record when no readable one says which match the feed is. */
    public static final String UNKNOWN_MATCH = "unknown-match";

    private final String name;
    private final Utf8Lines lines;
    private final AvroBlockReader avro;
    /** Unreadable records wait here until a readable one tells which match they belong to. */
    private final Deque<FeedRecord> waiting = new ArrayDeque<>();
    /** The rest of the current Avro block. */
    private final Deque<MatchEvent> block = new ArrayDeque<>();

    private String lastMatchId;
    private long position;

    private FeedReader(String name, Utf8Lines lines, AvroBlockReader avro) {
        this.name = name;
        this.lines = lines;
        this.avro = avro;
    }

    /**
     * Opens a feed; {@code name} is how records name their origin (usually the file name).
     *
     * @throws IOException naming the file, when it is an Avro file whose header cannot be read or whose records
     *     are not MatchEvents
     */
    public static FeedReader open(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(AVRO_MAGIC.length);
        byte[] head = buffered.readNBytes(AVRO_MAGIC.length);
        buffered.reset();
        if (Arrays.equals(head, AVRO_MAGIC)) {
            return new FeedReader(name, null, AvroBlockReader.open(buffered, name));
        }
        return new FeedReader(name, new Utf8Lines(buffered), null);
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
        Utf8Lines.Line line;
        do {
            line = lines.next();
            if (line == null) {
                return null;
            }
            position = line.number();
        } while (line.problem() == null && line.text().isBlank());
        String origin = name + ":" + position;
        if (line.problem() != null) {
            return record(origin, matchIdOf(line.text()), null, line.problem(), line.text());
        }
        try {
            MatchEvent event = MatchEventJson.parse(line.text());
            return record(origin, event.getMatchId(), event, null, null);
        } catch (FeedException e) {
            return record(origin, matchIdOf(line.text()), null, e.getMessage(), line.text());
        }
    }

    private FeedRecord readAvro() throws IOException {
        while (block.isEmpty()) {
            AvroBlockReader.Block next = avro.next();
            if (next == null) {
                return null;
            }
            if (next.problem() != null) {
                position++;
                return record(name + " at byte " + next.offset(), null, null, next.problem(), null);
            }
            block.addAll(next.events());
        }
        position++;
        MatchEvent event = block.poll();
        return record(name + " record " + position, event.getMatchId(), event, null, null);
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

package io.hookline.ingest.kafka;

import io.hookline.ingest.FeedException;
import io.hookline.model.MatchEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;

/**
 * Reads MatchEvent records in Avro single-object encoding. The decoder knows the schema this build writes and
 * any writer schemas it is given (older or newer versions of MatchEvent); a record written with a schema it
 * does not know, or that is not single-object encoded at all, is refused with the reason.
 */
public final class MatchEventDecoder {
    private static final int HEADER_BYTES = 10;
    /** Before wallClockMs. */
    private static final List<String> EARLIER_SCHEMAS = List.of("MatchEvent-1.avsc");

    private final BinaryMessageDecoder<MatchEvent> decoder;

    /** @param writerSchemas MatchEvent schemas other than this build's that feeds may be written with */
    public MatchEventDecoder(Collection<Schema> writerSchemas) {
        SchemaStore.Cache store = new SchemaStore.Cache();
        writerSchemas.forEach(store::addSchema);
        // The decoder also knows the class's own schema.
        this.decoder = MatchEvent.createDecoder(store);
    }

    /** A decoder for records written with this build's schema or any earlier one (see EARLIER_SCHEMAS). */
    public static MatchEventDecoder current() {
        return new MatchEventDecoder(earlierSchemas());
    }

    /** The MatchEvent schemas of earlier builds, kept as resources so their Kafka records stay readable. */
    static List<Schema> earlierSchemas() {
        List<Schema> schemas = new ArrayList<>();
        for (String name : EARLIER_SCHEMAS) {
            try (InputStream in = MatchEventDecoder.class.getResourceAsStream("/io/hookline/model/" + name)) {
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the MatchEvent schema " + name, e);
            }
        }
        return schemas;
    }

    public MatchEvent decode(byte[] bytes) throws FeedException {
        if (bytes == null || bytes.length == 0) {
            throw new FeedException("empty Kafka record: no MatchEvent in it");
        }
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new FeedException(
                    "not an Avro single-object encoded MatchEvent (no C3 01 header): " + e.getMessage());
        } catch (MissingSchemaException e) {
            throw new FeedException("written with an unknown schema (fingerprint " + fingerprint(bytes)
                    + "): not a MatchEvent schema this job knows");
        } catch (IOException | AvroRuntimeException e) {
            throw new FeedException("undecodable MatchEvent: " + e);
        }
    }

    /** The writer schema's CRC-64-AVRO fingerprint as it appears in the header, in hex. */
    private static String fingerprint(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            return "?";
        }
        return String.format(
                "%016x",
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }
}

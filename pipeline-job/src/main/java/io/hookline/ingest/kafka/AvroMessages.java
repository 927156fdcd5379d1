package io.hookline.ingest.kafka;

import io.hookline.model.MatchEvent;
import io.hookline.model.RenderedClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * What Hookline puts on Kafka, in Avro single-object encoding: two marker bytes (C3 01), the 8-byte
 * fingerprint of the writer's schema, then the Avro binary record. The fingerprint names the schema a record
 * was written with, so readers can resolve it against their own schema as both evolve, and can refuse a
 * record of another type instead of misreading it.
 */
public final class AvroMessages {

    private AvroMessages() {}

    public static byte[] encode(MatchEvent event) {
        try {
            return bytes(MatchEvent.getEncoder().encode(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(RenderedClip clip) {
        try {
            return bytes(RenderedClip.getEncoder().encode(clip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a manifest entry written by the job (for consumers of the clips topic). */
    public static RenderedClip decodeRenderedClip(byte[] bytes) throws IOException {
        return RenderedClip.getDecoder().decode(bytes);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

package io.hookline.sample;

import io.hookline.ingest.MatchEventJson;
import io.hookline.model.MatchEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes an event feed as an Avro container file and as JSON Lines, byte for byte the same on every run. */
final class EventFiles {
    private EventFiles() {}

    /**
     * Writes the events as an Avro container file. The sync marker, normally random, is derived from the match id
     * so the same feed always gives the same bytes.
     */
    static void writeAvro(List<MatchEvent> events, String matchId, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                DataFileWriter<MatchEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(MatchEvent.class))) {
            writer.setCodec(CodecFactory.deflateCodec(6));
            writer.create(MatchEvent.getClassSchema(), out, syncMarker(matchId));
            for (MatchEvent event : events) {
                writer.append(event);
            }
        }
    }

    /** Writes one JSON object per line with the Avro field names; null fields are left out. */
    static void writeJsonLines(List<MatchEvent> events, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MatchEvent event : events) {
                out.write(MatchEventJson.write(event));
                out.write('\n');
            }
        }
    }

    private static byte[] syncMarker(String matchId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(matchId.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

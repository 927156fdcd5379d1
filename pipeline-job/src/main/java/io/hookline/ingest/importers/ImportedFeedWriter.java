package io.hookline.ingest.importers;

import io.hookline.ingest.MatchEventJson;
import io.hookline.model.MatchEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Writes imported events where {@code ./hookline run} reads them: JSON Lines when the name ends in
 * {@code .jsonl}, else an Avro container file. The file appears whole or not at all (temp file, then rename),
 * and the same events always give the same bytes.
 */
public final class ImportedFeedWriter {
    private ImportedFeedWriter() {}

    public static void write(List<MatchEvent> events, String matchId, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (target.getFileName().toString().endsWith(".jsonl")) {
                writeJsonLines(events, temp);
            } else {
                writeAvro(events, matchId, temp);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeJsonLines(List<MatchEvent> events, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MatchEvent e : events) {
                out.write(MatchEventJson.write(e));
                out.write('\n');
            }
        }
    }

    private static void writeAvro(List<MatchEvent> events, String matchId, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                DataFileWriter<MatchEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(MatchEvent.class))) {
            writer.setCodec(CodecFactory.deflateCodec(6));
            // Avro's block sync marker is random unless given; one derived from the match keeps re-imports identical.
            writer.create(MatchEvent.getClassSchema(), out, syncMarker(matchId));
            for (MatchEvent e : events) {
                writer.append(e);
            }
        }
    }

    private static byte[] syncMarker(String matchId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(matchId.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

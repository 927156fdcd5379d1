package io.hookline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.storage.ManifestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A match's output directory as the job writes it: its manifest, dead letters and clips. */
public final class MatchOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES =
            List.of(ManifestFiles.MANIFEST_JSON, ManifestFiles.MANIFEST_AVRO, ManifestFiles.DEAD_LETTERS);

    private MatchOutput() {}

    /**
     * Removes what an earlier run wrote for the match, so its final manifest is not taken for this run's; the
     * directory may hold other files (the sample match is generated into one).
     */
    static void clear(Path matchDir) throws IOException {
        for (String f : FILES) {
            Files.deleteIfExists(matchDir.resolve(f));
        }
        Path clips = matchDir.resolve("clips");
        if (Files.isDirectory(clips)) {
            try (Stream<Path> all = Files.walk(clips)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * The clip ids of the match's final manifest (ranks final, written since {@code since}), or null while
     * there is none.
     */
    static List<String> finalClipIds(Path matchDir, Instant since) throws IOException {
        JsonNode manifest = finalManifest(matchDir, since);
        if (manifest == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        manifest.get("clips").forEach(c -> ids.add(c.get("clipId").asText()));
        return ids;
    }

    /** The match's final manifest written since {@code since}, or null while there is none. */
    public static JsonNode finalManifest(Path matchDir, Instant since) throws IOException {
        Path file = matchDir.resolve(ManifestFiles.MANIFEST_JSON);
        if (!Files.exists(file) || Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
            return null;
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(file.toFile());
        } catch (IOException e) {
            // Replaced while being read: read it again next time.
            return null;
        }
        return manifest.path("ranksFinal").asBoolean(true) ? manifest : null;
    }
}

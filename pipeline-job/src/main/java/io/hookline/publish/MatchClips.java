package io.hookline.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A match's output as publishing reads it: OUT/&lt;matchDir&gt;/manifest.json. */
public record MatchClips(String matchId, Path dir, boolean ranksFinal, List<ManifestClip> clips) {
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public MatchClips {
        clips = List.copyOf(clips);
    }

    /** Reads {@code dir/manifest.json}; the exception names the file and what is wrong with it. */
    public static MatchClips read(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(manifest + ": no manifest here; give a match's output folder, OUT/<matchId>");
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(manifest + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        String matchId = text(root, "matchId", manifest);
        List<ManifestClip> clips = new ArrayList<>();
        for (JsonNode clip : root.path("clips")) {
            List<ManifestRendition> renditions = new ArrayList<>();
            for (JsonNode r : clip.path("renditions")) {
                boolean ok = "ok".equals(r.path("status").asText()) && r.hasNonNull("path");
                renditions.add(new ManifestRendition(
                        text(r, "profile", manifest),
                        ok ? dir.resolve(r.get("path").asText()).normalize() : null,
                        r.path("bytes").asLong(),
                        r.path("sha256").asText(""),
                        ok));
            }
            clips.add(new ManifestClip(
                    text(clip, "clipId", manifest),
                    clip.path("kind").asText("play"),
                    clip.path("rank").asInt(),
                    clip.path("score").asDouble(),
                    clip.path("title").asText(""),
                    clip.path("withdrawn").asBoolean(false),
                    renditions));
        }
        return new MatchClips(matchId, dir, root.path("ranksFinal").asBoolean(true), clips);
    }

    private static String text(JsonNode node, String field, Path manifest) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException(manifest + ": '" + field + "' is missing or empty");
        }
        return value.asText();
    }
}

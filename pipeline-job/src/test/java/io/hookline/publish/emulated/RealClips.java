package io.hookline.publish.emulated;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.sample.SyntheticVideo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A match's output whose clips are real H.264/AAC MP4 files (rendered once per JVM from the synthetic match
 * video, each a little longer than the one before, so every clip has its own bytes), with the manifest that
 * lists them as one rendition.
 */
public final class RealClips {
    private static final Path RENDERED = rendered();

    private RealClips() {}

    /** OUT/matchId with {@code clips} play clips ranked 1.., titled "Goal — Player N (N-0)". */
    public static Path match(Path out, String matchId, String rendition, int clips) throws IOException {
        Path dir = Files.createDirectories(out.resolve(matchId));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("matchId", matchId).put("profileVersion", "v1");
        ArrayNode list = root.putArray("clips");
        for (int rank = 1; rank <= clips; rank++) {
            String clipId = String.format("clip%03d", rank);
            Path file = Files.createDirectories(dir.resolve("clips/" + clipId)).resolve(rendition + ".mp4");
            Files.copy(clip(rank), file);
            byte[] bytes = Files.readAllBytes(file);
            ObjectNode clip = list.addObject()
                    .put("clipId", clipId)
                    .put("kind", "play")
                    .put("rank", rank)
                    .put("score", 2.0 - rank / 100.0)
                    .put("title", "Goal — Player " + rank + " (" + rank + "-0)");
            clip.putArray("renditions")
                    .addObject()
                    .put("profile", rendition)
                    .put("path", "clips/" + clipId + "/" + rendition + ".mp4")
                    .put("bytes", bytes.length)
                    .put("sha256", sha256(bytes))
                    .put("status", "ok");
        }
        Files.write(dir.resolve("manifest.json"), json.writeValueAsBytes(root));
        return dir;
    }

    /** Gives the clip of rank {@code rank} other bytes, and the manifest their size and hash. */
    public static void rewrite(Path matchDir, int rank, UnaryOperator<byte[]> change) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root =
                (ObjectNode) json.readTree(matchDir.resolve("manifest.json").toFile());
        ObjectNode rendition =
                (ObjectNode) root.path("clips").get(rank - 1).path("renditions").get(0);
        Path file = matchDir.resolve(rendition.path("path").asText());
        byte[] bytes = change.apply(Files.readAllBytes(file));
        Files.write(file, bytes);
        rendition.put("bytes", bytes.length).put("sha256", sha256(bytes));
        Files.write(matchDir.resolve("manifest.json"), json.writeValueAsBytes(root));
    }

    /** Gives the clip of rank {@code rank} another title in the manifest. */
    public static void retitle(Path matchDir, int rank, String title) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root =
                (ObjectNode) json.readTree(matchDir.resolve("manifest.json").toFile());
        ((ObjectNode) root.path("clips").get(rank - 1)).put("title", title);
        Files.write(matchDir.resolve("manifest.json"), json.writeValueAsBytes(root));
    }

    /** The rendered clip of rank {@code rank}: 1 s plus 200 ms per rank, 240x136 at 25 fps with sound. */
    public static synchronized Path clip(int rank) throws IOException {
        Path file = RENDERED.resolve("clip-" + rank + ".mp4");
        if (!Files.exists(file)) {
            Path part = RENDERED.resolve("clip-" + rank + ".part.mp4");
            SyntheticVideo.write(new SyntheticVideo.Spec(240, 136, 25, 1_000 + 200L * rank, true, List.of(200L)), part);
            Files.move(part, file);
        }
        return file;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Under target/, so later runs reuse what an earlier one rendered. */
    private static Path rendered() {
        try {
            return Files.createDirectories(Path.of("target/publish-real-clips"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

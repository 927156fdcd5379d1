package io.hookline.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.profiles.Destination;
import io.hookline.profiles.Destination.ClipKind;
import io.hookline.profiles.Destination.Credentials;
import io.hookline.profiles.Platform;
import io.hookline.profiles.Privacy;
import io.hookline.profiles.TextFormat;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.Sleeper;
import io.hookline.sample.SyntheticVideo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches whose clips are real MP4 files (synthesized, each clip a little longer than the one before so every
 * file differs), and platform destinations, for the publishers' tests.
 */
public final class PlatformFixtures {
    public static final String SECRET_ENV = "HOOKLINE_TEST_PLATFORM_TOKEN";
    /** Videos already written in this JVM, by spec: a test class asks for the same few again and again. */
    private static final Map<SyntheticVideo.Spec, Path> VIDEOS = new ConcurrentHashMap<>();

    private PlatformFixtures() {}

    /** A clip's picture: its size and length. */
    public record Shape(int width, int height, long durationMs) {
        public static final Shape VERTICAL = new Shape(180, 320, 3_200);
        public static final Shape LANDSCAPE = new Shape(320, 180, 3_200);
    }

    /**
     * OUT/{@code matchId} with {@code clips} play clips ranked 1.. of {@code rendition}, real MP4s of
     * {@code shape} (clip n lasts n-1 frames longer), and its manifest.json.
     */
    public static Path match(Path out, String matchId, String rendition, Shape shape, int clips) throws Exception {
        Path dir = Files.createDirectories(out.resolve(matchId));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("matchId", matchId).put("profileVersion", "v1");
        ArrayNode list = root.putArray("clips");
        for (int rank = 1; rank <= clips; rank++) {
            String clipId = String.format("clip%03d", rank);
            long durationMs = shape.durationMs() + (rank - 1) * 40L;
            Path file = Files.createDirectories(dir.resolve("clips/" + clipId)).resolve(rendition + ".mp4");
            Files.copy(
                    video(new SyntheticVideo.Spec(shape.width(), shape.height(), 25, durationMs, true, List.of())),
                    file);
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
                    .put("width", shape.width())
                    .put("height", shape.height())
                    .put("fps", 25)
                    .put("durationMs", durationMs)
                    .put("bytes", bytes.length)
                    .put("sha256", PublishFixtures.sha256(bytes))
                    .put("status", "ok");
        }
        Files.write(dir.resolve("manifest.json"), json.writeValueAsBytes(root));
        return dir;
    }

    private static Path video(SyntheticVideo.Spec spec) {
        return VIDEOS.computeIfAbsent(spec, s -> {
            try {
                Path file = Files.createTempFile("hookline-clip-", ".mp4");
                file.toFile().deleteOnExit();
                SyntheticVideo.write(s, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A destination of {@code platform} taking every play clip of {@code rendition}, no quota to speak of. */
    public static Destination destination(
            String name, Platform platform, String account, String rendition, Privacy privacy, boolean shorts) {
        return new Destination(
                name,
                "destinations/test.yaml",
                platform,
                account,
                new Credentials(Credentials.Source.ENV, SECRET_ENV),
                rendition,
                TextFormat.parse("{ACTION} — {player}"),
                TextFormat.parse("Score {score}"),
                List.of("goal"),
                "",
                new Destination.Takes(List.of(ClipKind.PLAY), 0, 0),
                new Destination.Quota(100, 0),
                privacy,
                false,
                false,
                shorts);
    }

    public static String sha256(Path file) throws Exception {
        return PublishFixtures.sha256(Files.readAllBytes(file));
    }

    /** The environment a run reads the token from. */
    public static Secrets secrets(String token) {
        return new Secrets(Map.of(SECRET_ENV, token));
    }

    /** Quick retries: tests wait milliseconds where a platform asks for seconds. */
    public static Backoff backoff() {
        return new Backoff(
                Duration.ofMillis(20), Duration.ofMillis(200), 5, Duration.ofMinutes(1), new SplittableRandom(7));
    }

    /** Sleeps, but never longer than 20 ms: a Retry-After or a poll interval is honoured in order, not in time. */
    public static final Sleeper BRIEF = duration -> Thread.sleep(Math.min(duration.toMillis(), 20));
}

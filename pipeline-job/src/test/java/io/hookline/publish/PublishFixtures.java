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
import io.hookline.publish.emulated.EmulatedProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** A match's output with small clip files, and destinations, made by the test. */
final class PublishFixtures {
    static final String RENDITION = "telegram";
    static final String SECRET_ENV = "HOOKLINE_TEST_WEBHOOK_SECRET";

    private PublishFixtures() {}

    /** OUT/match-1 with {@code clips} play clips ranked 1.., scores falling, each a file of a few KB. */
    static Path match(Path out, String matchId, int clips) throws Exception {
        Path dir = Files.createDirectories(out.resolve(matchId));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("matchId", matchId).put("profileVersion", "v1");
        ArrayNode list = root.putArray("clips");
        for (int rank = 1; rank <= clips; rank++) {
            String clipId = String.format("clip%03d", rank);
            byte[] bytes = (clipId + " ").repeat(400 + rank).getBytes(StandardCharsets.UTF_8);
            Path file = Files.createDirectories(dir.resolve("clips/" + clipId)).resolve(RENDITION + ".mp4");
            Files.write(file, bytes);
            ObjectNode clip = list.addObject()
                    .put("clipId", clipId)
                    .put("kind", "play")
                    .put("rank", rank)
                    .put("score", 2.0 - rank / 100.0)
                    .put("title", "Goal — Player " + rank + " (" + rank + "-0)");
            clip.putArray("renditions")
                    .addObject()
                    .put("profile", RENDITION)
                    .put("path", "clips/" + clipId + "/" + RENDITION + ".mp4")
                    .put("bytes", bytes.length)
                    .put("sha256", sha256(bytes))
                    .put("status", "ok");
        }
        Files.write(dir.resolve("manifest.json"), json.writeValueAsBytes(root));
        return dir;
    }

    static Destination webhook(String name, String url, int quota, boolean approval) {
        return new Destination(
                name,
                "destinations/test.yaml",
                Platform.WEBHOOK,
                url,
                new Credentials(Credentials.Source.ENV, SECRET_ENV),
                RENDITION,
                TextFormat.parse("{ACTION} — {player}"),
                TextFormat.parse("Score {score}"),
                List.of("goal"),
                "",
                new Destination.Takes(List.of(ClipKind.PLAY), 0, 0),
                new Destination.Quota(quota, 0),
                Privacy.PUBLIC,
                approval,
                false,
                false);
    }

    /** A copy of the shipped profiles whose only destination is a webhook to {@code url}. */
    static Path profilesWithWebhook(Path into, String url, int quota) throws IOException {
        return EmulatedProfiles.withOnly(
                into,
                String.join(
                        "\n",
                        "  hook:",
                        "    platform: webhook",
                        "    account: " + url,
                        "    credentials:",
                        "      env: " + SECRET_ENV,
                        "    rendition: " + RENDITION,
                        "    title: \"{ACTION} — {player}\"",
                        "    caption: \"Score {score}\"",
                        "    hashtags: [goal]",
                        "    takes:",
                        "      kinds: [play]",
                        "    quota:",
                        "      postsPer24h: " + quota,
                        "      spacingSeconds: 0",
                        "    privacy: public",
                        "    approval: false",
                        ""));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

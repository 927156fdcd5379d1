package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.MatchClips;
import io.hookline.publish.emulated.CrashRun;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.PostKey;
import io.hookline.publish.emulator.TelegramEmulator;
import io.hookline.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./hookline publish s3://bucket/prefix/<matchId>}: a match a job wrote to S3 (S3Proxy in-process) is
 * published by the command in a JVM of its own, against the Telegram emulator. Only the renditions the
 * destinations take are copied, each once; a re-run posts and downloads nothing again; an object that does not
 * match its manifest's SHA-256 fails its record with the reason.
 */
class PublishFromS3Test {
    private static final String TOKEN = "123456:s3-T0ken-never-print";

    @TempDir
    Path dir;

    S3TestServer s3;
    TelegramEmulator telegram;
    Path profiles;
    Path local;

    @BeforeEach
    void start() throws Exception {
        s3 = S3TestServer.start();
        telegram = new TelegramEmulator(Clock.systemUTC(), TOKEN, Set.of(EmulatedProfiles.TELEGRAM_CHAT));
        telegram.start();
        profiles = EmulatedProfiles.write(dir.resolve("profiles"));
        local = dir.resolve("local");
    }

    @AfterEach
    void stop() throws Exception {
        telegram.close();
        s3.close();
    }

    @Test
    void aMatchOnS3IsPublishedFromLocalCopiesOnceAndABadObjectFailsItsRecord() throws Exception {
        Path written = RealClips.match(dir.resolve("job-out"), "match-s3", "telegram", 3);
        MatchClips match = MatchClips.read(written);
        // The third clip's object is damaged on S3: its bytes no longer have the manifest's SHA-256.
        Path damaged = match.clips().get(2).renditions().get(0).file();
        upload(written, "out/match-s3", damaged);

        String log1 = publish("first");
        String log2 = publish("second");

        assertThat(telegram.posts().counts())
                .hasSize(2)
                .containsOnly(
                        Map.entry(new PostKey(EmulatedProfiles.TELEGRAM_CHAT, sha(match, 0)), 1),
                        Map.entry(new PostKey(EmulatedProfiles.TELEGRAM_CHAT, sha(match, 1)), 1));
        assertThat(log1)
                .contains("2 POSTED")
                .contains("1 FAILED")
                .contains("has sha256")
                .contains("the manifest says");
        assertThat(log1 + log2).doesNotContain(TOKEN);
        Path cache = local.resolve(".publish/s3/clips/out/match-s3");
        assertThat(cache.resolve("manifest.json")).exists();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(p -> p.toString().endsWith(".mp4")).toList())
                    .hasSize(3);
        }
    }

    @Test
    void aFolderWithNoManifestIsNamed() throws Exception {
        String log = publish("missing", "s3://clips/out/nothing-here");

        assertThat(log).contains("s3://clips/out/nothing-here/manifest.json: no manifest here");
    }

    private String publish(String name) throws Exception {
        return publish(name, "s3://clips/out/match-s3");
    }

    private String publish(String name, String folder) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process process = CrashRun.hookline(
                log,
                Map.of(
                        EmulatedProfiles.TOKEN_ENV,
                        TOKEN,
                        "AWS_ACCESS_KEY_ID",
                        S3TestServer.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY",
                        S3TestServer.SECRET_KEY,
                        "AWS_REGION",
                        "us-east-1"),
                "publish",
                folder,
                "--out",
                local.toString(),
                "--s3-endpoint",
                s3.endpoint(),
                "--destinations",
                profiles.toString(),
                "--only",
                EmulatedProfiles.TELEGRAM,
                "--api-url",
                "telegram=" + telegram.baseUrl());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Files.readString(log);
    }

    /** The match folder's files under s3://clips/PREFIX/, {@code damaged} with other bytes. */
    private void upload(Path folder, String prefix, Path damaged) throws Exception {
        S3Client client = s3.client();
        client.createBucket(b -> b.bucket("clips"));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (file.equals(damaged)) {
                    bytes[bytes.length / 2] ^= 0x55;
                }
                String key = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
                client.putObject(b -> b.bucket("clips").key(key), RequestBody.fromBytes(bytes));
            }
        }
    }

    private static String sha(MatchClips match, int index) {
        return match.clips().get(index).renditions().get(0).sha256();
    }
}

package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.emulated.CrashRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./hookline publish} in a child JVM, killed (SIGKILL) while the receiver holds one of its requests:
 * before reading the body (mid-upload) or after recording the post but before answering (posted, not yet in
 * the ledger). A re-run leaves exactly one post per clip and none missing; the secret appears in nothing the
 * runs printed or wrote. The child JVM, the status and the secret check are {@link CrashRun}'s.
 */
class PublishCrashTest {
    private static final String SECRET = "k1ll-Me-S3cret-7731";
    private static final int CLIPS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed at request {0}, after recording it: {1}")
    @CsvSource({"1, false", "2, true", "3, false", "3, true"})
    void aKilledRunResumedPostsEachClipExactlyOnce(int request, boolean afterRecording) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path matchDir = PublishFixtures.match(out, "match-1", CLIPS);
        List<String> printed = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            Path profiles = PublishFixtures.profilesWithWebhook(dir.resolve("profiles"), receiver.url(), 100);
            receiver.hold(n -> n == request, afterRecording);

            Process killed = publish(matchDir, profiles, dir.resolve("killed.log"));
            assertThat(receiver.held.await(90, TimeUnit.SECONDS))
                    .as("the receiver saw request " + request)
                    .isTrue();
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            receiver.hold(n -> false, false);

            Process rerun = publish(matchDir, profiles, dir.resolve("rerun.log"));
            assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(dir.resolve("rerun.log"));
            assertThat(rerun.exitValue()).as(output).isZero();

            assertThat(receiver.posts())
                    .extracting(d -> d.metadata().get("clipId").asText())
                    .containsExactlyInAnyOrder("clip001", "clip002", "clip003");
            assertThat(receiver.deliveries()).allMatch(WebhookReceiver.Delivery::signatureValid);
        }
        String status = CrashRun.status(matchDir);
        printed.add(status);
        assertThat(status).contains(CLIPS + " record(s): " + CLIPS + " POSTED");
        assertThat(String.join("\n", printed)).doesNotContain(SECRET);
        CrashRun.assertNoFileHolds(dir, SECRET);
    }

    private static Process publish(Path matchDir, Path profiles, Path log) throws Exception {
        return CrashRun.publish(matchDir, profiles, log, Map.of(PublishFixtures.SECRET_ENV, SECRET), "--only", "hook");
    }
}

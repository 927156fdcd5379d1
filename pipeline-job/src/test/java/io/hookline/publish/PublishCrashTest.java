package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code ./hookline publish} in a child JVM, killed (SIGKILL) while the receiver holds one of its requests:
 * before reading the body (mid-upload) or after recording the post but before answering (posted, not yet in
 * the ledger). A re-run leaves exactly one post per clip and none missing; the secret appears in nothing the
 * runs printed or wrote.
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
            assertThat(receiver.held.await(90, TimeUnit.SECONDS)).as("the receiver saw request " + request).isTrue();
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            receiver.hold(n -> false, false);

            Process rerun = publish(matchDir, profiles, dir.resolve("rerun.log"));
            assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(dir.resolve("rerun.log"));
            assertThat(rerun.exitValue()).as(output).isZero();

            assertThat(receiver.posts()).extracting(d -> d.metadata().get("clipId").asText())
                    .containsExactlyInAnyOrder("clip001", "clip002", "clip003");
            assertThat(receiver.deliveries()).allMatch(WebhookReceiver.Delivery::signatureValid);
        }
        String status = status(matchDir);
        printed.add(status);
        assertThat(status).contains(CLIPS + " record(s): " + CLIPS + " POSTED");
        assertThat(String.join("\n", printed)).doesNotContain(SECRET);
        assertNoFileHolds(dir, SECRET);
    }

    /** The run's output and errors go to {@code log}, which the secret check reads with the other files. */
    private static Process publish(Path matchDir, Path profiles, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "publish", matchDir.toString(), "--destinations", profiles.toString(),
                "--only", "hook").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PublishFixtures.SECRET_ENV, SECRET);
        return builder.start();
    }

    private static String status(Path matchDir) {
        StringWriter text = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute("publish", "status", matchDir.toString());
        assertThat(exit).as(text.toString()).isZero();
        return text.toString();
    }

    /** Every file the runs wrote (the ledger's database included), as bytes. */
    static void assertNoFileHolds(Path dir, String secret) throws Exception {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(new String(needle, StandardCharsets.ISO_8859_1));
            }
        }
    }
}

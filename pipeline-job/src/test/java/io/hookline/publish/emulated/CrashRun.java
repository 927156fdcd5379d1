package io.hookline.publish.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.Main;
import io.hookline.publish.emulator.EmulatorServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * {@code ./hookline publish} in a child JVM, pointed at a platform emulator through a {@link KillingProxy},
 * SIGKILLed while the proxy holds one protocol step, then run again to the end. What both runs printed and
 * the final {@code publish status} come back for the test to check, along with every file the runs wrote.
 */
public final class CrashRun {
    /** A kill point: the {@code occurrence}-th request named {@code name}, before or after the platform answers. */
    public record Step(String name, int occurrence, boolean afterPlatform) {
        @Override
        public String toString() {
            return (afterPlatform ? "after the platform answered " : "before the platform saw ") + name + " #"
                    + occurrence;
        }
    }

    /** What the runs left: the re-run's exit code and output, the status report, and both runs' output. */
    public record Result(int rerunExit, String rerunOutput, String status, String allOutput) {}

    private final Path dir;
    private final String token;

    public CrashRun(Path dir, String token) {
        this.dir = dir;
        this.token = token;
    }

    /**
     * Kills a run of {@code destination} over the match in {@code matchDir} at {@code step}, then re-runs it.
     *
     * @param apiBase the {@code --api-url} key of the platform, such as {@code x}
     * @param extra   more arguments of publish (segment size, opt-in list)
     */
    public Result killAndRerun(
            Path matchDir,
            Path profiles,
            EmulatorServer emulator,
            String apiBase,
            String destination,
            Step step,
            List<String> extra)
            throws Exception {
        try (KillingProxy proxy = new KillingProxy(emulator.baseUrl())) {
            proxy.hold(step.name(), step.occurrence(), step.afterPlatform());
            List<String> args = new ArrayList<>(List.of(
                    "publish",
                    matchDir.toString(),
                    "--destinations",
                    profiles.toString(),
                    "--only",
                    destination,
                    "--api-url",
                    apiBase + "=" + proxy.url()));
            args.addAll(extra);

            Process killed = start(args, dir.resolve("killed.log"));
            boolean held = proxy.awaitHeld(90);
            if (!held) {
                killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(held)
                    .as("the run reached " + step + "; requests: " + proxy.names() + "\n"
                            + Files.readString(dir.resolve("killed.log")))
                    .isTrue();
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            proxy.release();

            Process rerun = start(args, dir.resolve("rerun.log"));
            assertThat(rerun.waitFor(120, TimeUnit.SECONDS))
                    .as("the re-run ends")
                    .isTrue();
            String output = Files.readString(dir.resolve("rerun.log"));
            String status = status(matchDir);
            return new Result(
                    rerun.exitValue(), output, status, Files.readString(dir.resolve("killed.log")) + output + status);
        }
    }

    /** {@code publish} once more, straight to the emulator, after a person settled what the re-run left. */
    public String publishAgain(
            Path matchDir,
            Path profiles,
            EmulatorServer emulator,
            String apiBase,
            String destination,
            List<String> extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "publish",
                matchDir.toString(),
                "--destinations",
                profiles.toString(),
                "--only",
                destination,
                "--api-url",
                apiBase + "=" + emulator.baseUrl()));
        args.addAll(extra);
        Process again = start(args, dir.resolve("again.log"));
        assertThat(again.waitFor(120, TimeUnit.SECONDS))
                .as("the third run ends")
                .isTrue();
        String output = Files.readString(dir.resolve("again.log"));
        assertThat(again.exitValue()).as(output).isZero();
        return output + status(matchDir);
    }

    /** A person's {@code publish} subcommand (resend, confirm) on the match's ledger, in this JVM. */
    public static String decide(Path matchDir, String... args) {
        List<String> command = new ArrayList<>(List.of("publish"));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", matchDir.toAbsolutePath().getParent().toString()));
        return cli(command.toArray(String[]::new));
    }

    private Process start(List<String> args, Path log) throws IOException {
        return child(args, log, Map.of(EmulatedProfiles.TOKEN_ENV, token));
    }

    /**
     * {@code ./hookline publish MATCH --destinations PROFILES ARGS...} in a child JVM with {@code env} added to
     * its environment; its output and errors go to {@code log}.
     */
    public static Process publish(Path matchDir, Path profiles, Path log, Map<String, String> env, String... args)
            throws IOException {
        List<String> command =
                new ArrayList<>(List.of("publish", matchDir.toString(), "--destinations", profiles.toString()));
        command.addAll(List.of(args));
        return child(command, log, env);
    }

    /** {@code ./hookline ARGS...} in a child JVM with {@code env} added; its output and errors go to {@code log}. */
    public static Process hookline(Path log, Map<String, String> env, String... args) throws IOException {
        return child(List.of(args), log, env);
    }

    /** The CLI in a JVM of its own; a run is short, so the JIT's first tier and a serial GC start fastest. */
    private static Process child(List<String> args, Path log, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** {@code ./hookline publish status MATCH}, in this JVM; fails unless it exits 0. */
    public static String status(Path matchDir) {
        return cli("publish", "status", matchDir.toString());
    }

    private static String cli(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute(args);
        assertThat(exit).as(text.toString()).isZero();
        return text.toString();
    }

    /** No file under the test's folder (logs, the ledger's database) holds {@code secret}. */
    public static void assertNoFileHolds(Path dir, String secret) throws IOException {
        String bytes = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(bytes);
            }
        }
    }
}

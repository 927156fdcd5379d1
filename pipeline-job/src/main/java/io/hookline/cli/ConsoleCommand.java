package io.hookline.cli;

import io.hookline.console.Commands;
import io.hookline.console.ConsoleServer;
import io.hookline.console.ConsoleSettings;
import io.hookline.console.OutputFolders;
import io.hookline.console.Users;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hookline console}: the web console for ops and editors, until stopped. */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        subcommands = ConsoleUserCommand.class,
        description = {
            "Serves the web console: matches and their progress, each match's clips, publishing approvals,"
                    + " profiles, and submitting a match.",
            "It listens on 127.0.0.1 unless --host says otherwise; any other address needs --users."
        })
final class ConsoleCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            defaultValue = "hookline-out",
            paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "The output folder to show (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "Who may log in: lines of NAME ROLES HASH (see ./hookline console user). Required beyond"
                    + " 127.0.0.1; without it, whoever is on this machine holds every role.")
    Path users;

    @Option(
            names = "--profiles",
            paramLabel = "DIR",
            description = "The clip-profiles directory in use (default: this checkout's, else the built-in set); repeat"
                    + " to add versions to compare with it.")
    List<Path> profiles = new ArrayList<>();

    @Option(
            names = "--ledger",
            paramLabel = "JDBC-URL",
            description = "The publish ledger (default: an H2 file OUT/" + PublishLedgers.DEFAULT_LEDGER + ").")
    String ledger;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka that Submit publishes matches to.")
    String bootstrap;

    @Option(
            names = "--topic",
            defaultValue = "hookline.events",
            description = "The live job's events topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--s3-endpoint", description = "Endpoint of an S3-compatible store, for an s3:// --out.")
    String s3Endpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        List<Path> profileDirs = new ArrayList<>();
        if (profiles.isEmpty()) {
            Path checkout = RunOptions.defaultProfiles();
            if (checkout != null) {
                profileDirs.add(checkout);
            }
        } else {
            profiles.forEach(
                    p -> profileDirs.add(RunOptions.requireProfilesDirectory(p).toAbsolutePath()));
        }
        boolean onS3 = S3Location.isS3(out);
        S3Settings s3 = s3Endpoint == null
                ? S3Settings.defaults()
                : S3Settings.defaults().withEndpoint(s3Endpoint);
        Path local = onS3 ? Path.of("hookline-out") : Path.of(out);
        PublishLedgers ledgers = new PublishLedgers();
        ledgers.url = ledger;
        ledgers.out = local.toAbsolutePath();
        ConsoleSettings settings = new ConsoleSettings(
                host,
                port,
                OutputFolders.of(out, s3),
                loadUsers(),
                profileDirs,
                ledgers.database(null, System.getenv()),
                bootstrap,
                topic,
                local.toAbsolutePath().resolve("_console"),
                Duration.ofSeconds(1),
                commands());
        CountDownLatch stopped = new CountDownLatch(1);
        try (ConsoleServer server = ConsoleServer.start(settings)) {
            console.printf(
                    "Hookline console on http://%s:%d/ (%s)%n",
                    host.contains(":") ? "[" + host + "]" : host,
                    server.port(),
                    users == null ? "no login: this machine only" : "log in required");
            console.println("Stop it with Ctrl-C.");
            console.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private Users loadUsers() throws IOException {
        return users == null ? null : Users.load(users);
    }

    /** The console runs previews and matches with the CLI's own commands, in this JVM. */
    static Commands commands() {
        return (out, args) -> {
            CommandLine cli = Main.commandLine();
            cli.setOut(out);
            cli.setErr(out);
            return cli.execute(args);
        };
    }
}

package io.hookline.cli;

import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --ledger} and {@code --out}: which publish ledger the publish commands use. */
final class PublishLedgers {
    static final String DEFAULT_LEDGER = ".publish/ledger";

    @Option(
            names = "--ledger",
            paramLabel = "JDBC-URL",
            description = {
                "The publish ledger: jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB (user and password"
                        + " from HOOKLINE_LEDGER_USER and HOOKLINE_LEDGER_PASSWORD).",
                "Default: an H2 file OUT/" + DEFAULT_LEDGER + "."
            })
    String url;

    @Option(
            names = "--out",
            defaultValue = "hookline-out",
            paramLabel = "DIR",
            description =
                    "The output folder whose ledger to use when --ledger is not given (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The database, with {@code outDir} (a match folder's parent) standing in for --out when given. */
    LedgerDatabase database(Path outDir, Map<String, String> env) {
        if (url == null) {
            return LedgerDatabase.h2File((outDir != null ? outDir : out).resolve(DEFAULT_LEDGER));
        }
        if (url.startsWith("jdbc:h2:file:")) {
            String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            return LedgerDatabase.h2File(Path.of(path));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return LedgerDatabase.postgres(url, env.get("HOOKLINE_LEDGER_USER"), env.get("HOOKLINE_LEDGER_PASSWORD"));
        }
        throw new IllegalArgumentException(
                "--ledger: expected jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB, got " + url.split("[;?]", 2)[0]);
    }

    PublishLedger open(Path outDir) {
        return JdbcPublishLedger.open(database(outDir, System.getenv()), Clock.systemUTC());
    }

    /** The ledger if it exists already: a dry run must not create one. */
    Optional<PublishLedger> openIfPresent(Path outDir) {
        LedgerDatabase database = database(outDir, System.getenv());
        if (database.url().startsWith("jdbc:h2:file:")) {
            String base = database.url().substring("jdbc:h2:file:".length()).split(";", 2)[0];
            if (!Files.exists(Path.of(base + ".mv.db"))) {
                return Optional.empty();
            }
        }
        return Optional.of(JdbcPublishLedger.open(database, Clock.systemUTC()));
    }
}

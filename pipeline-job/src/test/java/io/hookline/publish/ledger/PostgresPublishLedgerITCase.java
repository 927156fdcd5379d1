package io.hookline.publish.ledger;

import io.hookline.testing.PostgresTestServer;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger of a cluster: a real PostgreSQL server, a new database for each test. */
class PostgresPublishLedgerITCase extends PublishLedgerContract {
    private static PostgresTestServer server;
    private String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresTestServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected void createEmptyDatabase() throws SQLException {
        url = server.newDatabase("ledger");
    }

    @Override
    protected LedgerDatabase database() {
        return LedgerDatabase.postgres(url, "postgres", "");
    }

    @Override
    protected PublishLedger openLedger() {
        return JdbcPublishLedger.open(database(), clock);
    }
}

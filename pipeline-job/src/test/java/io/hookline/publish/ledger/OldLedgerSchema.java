package io.hookline.publish.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A ledger as the first version of its schema made it, before PUBLISHING and UNCERTAIN existed: the CHECK on
 * the state lists only the eight states of then, and no schema version is recorded. Written out in full
 * here, since the code that made it no longer exists.
 */
public final class OldLedgerSchema {
    static final String TABLE_V1 = "CREATE TABLE publish_ledger ("
            + " clip_id VARCHAR(200) NOT NULL, rendition VARCHAR(200) NOT NULL, destination VARCHAR(200) NOT NULL,"
            + " match_id VARCHAR(200) NOT NULL, clip_rank INTEGER NOT NULL, score DOUBLE PRECISION NOT NULL,"
            + " state VARCHAR(32) NOT NULL CHECK (state IN ('PLANNED', 'AWAITING_APPROVAL', 'UPLOADING',"
            + " 'PROCESSING', 'POSTED', 'FAILED', 'SKIPPED', 'REJECTED')),"
            + " version BIGINT NOT NULL, lease_owner VARCHAR(200), lease_until_ms BIGINT,"
            + " upload_handle VARCHAR(4000), upload_progress BIGINT NOT NULL, remote_id VARCHAR(4000),"
            + " post_id VARCHAR(4000), post_url VARCHAR(4000), reason VARCHAR(4000), reopens_at_ms BIGINT,"
            + " decided_by VARCHAR(200), planned_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL,"
            + " posted_at_ms BIGINT, PRIMARY KEY (clip_id, rendition, destination))";

    private OldLedgerSchema() {}

    /** An H2 ledger file at {@code base} as the first schema left it. */
    public static void createH2(Path base) throws SQLException {
        create(LedgerDatabase.h2File(base));
    }

    static void create(LedgerDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(TABLE_V1);
            statement.execute("CREATE INDEX publish_ledger_by_match ON publish_ledger (match_id)");
        }
    }

    /** The schema version the ledger records, 1 when it records none. */
    static int version(LedgerDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return LedgerSchema.version(connection);
        }
    }
}

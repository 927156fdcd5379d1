package io.hookline.publish.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ledger's table, its indexes and its schema version, in SQL that H2 and PostgreSQL both take as is.
 * Opening a ledger creates what is missing (every CREATE is IF NOT EXISTS), then brings an older ledger up
 * to {@link #VERSION}: version 1 had no PUBLISHING or UNCERTAIN, and its CHECK on the state refuses them.
 * Times are epoch milliseconds in BIGINTs: the same values in both engines, whatever their time zones.
 */
final class LedgerSchema {
    static final String TABLE = "publish_ledger";
    /** The schema this code writes; raise it, and add a step to {@link #migrate}, with every change. */
    static final int VERSION = 2;

    private static final String VERSIONS = "publish_ledger_schema";
    private static final String STATE_CHECK = "publish_ledger_state";

    private static final String STATES =
            Arrays.stream(PublishState.values()).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " clip_id VARCHAR(200) NOT NULL,"
                    + " rendition VARCHAR(200) NOT NULL,"
                    + " destination VARCHAR(200) NOT NULL,"
                    + " match_id VARCHAR(200) NOT NULL,"
                    + " clip_rank INTEGER NOT NULL,"
                    + " score DOUBLE PRECISION NOT NULL,"
                    + " state VARCHAR(32) NOT NULL CONSTRAINT " + STATE_CHECK + " CHECK (state IN (" + STATES + ")),"
                    + " version BIGINT NOT NULL,"
                    + " lease_owner VARCHAR(200),"
                    + " lease_until_ms BIGINT,"
                    + " upload_handle VARCHAR(" + LedgerRules.MAX_TEXT + "),"
                    + " upload_progress BIGINT NOT NULL,"
                    + " remote_id VARCHAR(" + LedgerRules.MAX_TEXT + "),"
                    + " post_id VARCHAR(" + LedgerRules.MAX_TEXT + "),"
                    + " post_url VARCHAR(" + LedgerRules.MAX_TEXT + "),"
                    + " reason VARCHAR(" + LedgerRules.MAX_TEXT + "),"
                    + " reopens_at_ms BIGINT,"
                    + " decided_by VARCHAR(200),"
                    + " planned_at_ms BIGINT NOT NULL,"
                    + " updated_at_ms BIGINT NOT NULL,"
                    + " posted_at_ms BIGINT,"
                    + " PRIMARY KEY (clip_id, rendition, destination))",
            "CREATE INDEX IF NOT EXISTS publish_ledger_by_match ON " + TABLE + " (match_id)",
            "CREATE INDEX IF NOT EXISTS publish_ledger_by_destination ON " + TABLE + " (destination, state)",
            "CREATE INDEX IF NOT EXISTS publish_ledger_by_state ON " + TABLE + " (state)",
            "CREATE INDEX IF NOT EXISTS publish_ledger_posts ON " + TABLE + " (destination, posted_at_ms)",
            "CREATE TABLE IF NOT EXISTS " + VERSIONS + " (version INTEGER NOT NULL PRIMARY KEY)");

    /** The ledger's CHECK constraints on the state, by name; both engines list them in information_schema. */
    private static final String STATE_CHECKS = "SELECT tc.constraint_name FROM information_schema.table_constraints tc"
            + " JOIN information_schema.check_constraints cc ON cc.constraint_name = tc.constraint_name"
            + " AND cc.constraint_schema = tc.constraint_schema"
            + " WHERE LOWER(tc.table_name) = '" + TABLE + "' AND tc.constraint_type = 'CHECK'"
            + " AND cc.check_clause LIKE '%''" + PublishState.PLANNED + "''%'"; // the literal, not planned_at_ms

    private LedgerSchema() {}

    static void create(ConnectionPool pool) throws SQLException {
        // Two ledgers opening a new PostgreSQL database at once can both pass IF NOT EXISTS and one then
        // fails on the catalog's unique index; a second pass sees the table and does nothing.
        for (int attempt = 1; ; attempt++) {
            try {
                pool.call(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        for (String ddl : DDL) {
                            statement.execute(ddl);
                        }
                    }
                    migrate(connection);
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (attempt == 3 || !(SqlStates.isDuplicateKey(e) || SqlStates.isLostRace(e))) {
                    throw e;
                }
            }
        }
    }

    /** The version the ledger's schema is at: 1 for a ledger made before versions were recorded. */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM " + VERSIONS)) {
            rs.next();
            int recorded = rs.getInt(1);
            return rs.wasNull() ? 1 : recorded;
        }
    }

    /**
     * Brings the schema from its recorded version to {@link #VERSION} in one transaction, so a failed step
     * leaves the old schema whole. A new ledger's table is already current and only records the version.
     */
    private static void migrate(Connection connection) throws SQLException {
        if (version(connection) >= VERSION) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            int from = version(connection); // again inside the transaction: another opener may have done it
            if (from < 2) {
                replaceStateCheck(connection);
            }
            if (from < VERSION) {
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO " + VERSIONS + " (version) VALUES (?)")) {
                    insert.setInt(1, VERSION);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Version 2: the CHECK on the state lists every state of {@link PublishState}, PUBLISHING and UNCERTAIN too. */
    private static void replaceStateCheck(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(STATE_CHECKS)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER TABLE " + TABLE + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
            statement.execute(
                    "ALTER TABLE " + TABLE + " ADD CONSTRAINT " + STATE_CHECK + " CHECK (state IN (" + STATES + "))");
        }
    }
}

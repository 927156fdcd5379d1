package io.hookline.publish.ledger;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ledger's one table and its indexes, in SQL that H2 and PostgreSQL both take as is. Every statement is
 * IF NOT EXISTS, so opening a ledger creates the schema the first time and changes nothing after.
 * Times are epoch milliseconds in BIGINTs: the same values in both engines, whatever their time zones.
 */
final class LedgerSchema {
    static final String TABLE = "publish_ledger";

    private static final String STATES = Arrays.stream(PublishState.values())
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " clip_id VARCHAR(200) NOT NULL,"
                    + " rendition VARCHAR(200) NOT NULL,"
                    + " destination VARCHAR(200) NOT NULL,"
                    + " match_id VARCHAR(200) NOT NULL,"
                    + " clip_rank INTEGER NOT NULL,"
                    + " score DOUBLE PRECISION NOT NULL,"
                    + " state VARCHAR(32) NOT NULL CHECK (state IN (" + STATES + ")),"
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
            "CREATE INDEX IF NOT EXISTS publish_ledger_posts ON " + TABLE + " (destination, posted_at_ms)");

    private LedgerSchema() {
    }

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
}

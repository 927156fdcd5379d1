package io.hookline.publish.ledger;

import java.sql.SQLException;
import java.util.Set;

/** What an SQL error means for the ledger, by SQLSTATE, which H2 and PostgreSQL share where it matters. */
final class SqlStates {
    /** The key is there already (both engines say 23505). */
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Another transaction won the row: PostgreSQL's serialization failure and deadlock, H2's lock timeout
     * (HYT00) and its "concurrent update" (90131).
     */
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01", "HYT00", "90131");

    private SqlStates() {}

    static boolean isDuplicateKey(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isLostRace(SQLException e) {
        return LOST_RACE.contains(e.getSQLState());
    }
}

package io.hookline.publish.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The ledger in a relational database over plain JDBC, with the same SQL on both engines it runs on:
 *
 * <ul>
 *   <li><b>H2 on a file</b> for the default local run. Chosen over SQLite because it behaves like the
 *   cluster's PostgreSQL where the ledger depends on it: row locks, so two writers to different records never
 *   wait on each other and a conditional UPDATE that waited re-checks its condition against the row the other
 *   writer committed; the same SQLSTATE for a duplicate key; the same DDL and types. It is pure Java (no
 *   native library unpacked at run time) and opens many connections in one JVM. SQLite allows one writer per
 *   file and answers the others SQLITE_BUSY, which every write would have to retry. The price: an H2 file is
 *   open in one process at a time, which a local run (one JVM) is; several processes use PostgreSQL.</li>
 *   <li><b>PostgreSQL</b> on a cluster, where several publishers in several JVMs share it.</li>
 * </ul>
 *
 * <p>Every write is one conditional statement in its own transaction at READ COMMITTED: {@code UPDATE ...
 * WHERE key = ? AND version = ?}, and a row count of 0 means another writer got there first. The version
 * in the WHERE clause is the whole guard, so a stronger isolation level would only add retries. The rules
 * (which move is allowed, who holds the lease) are checked in Java against the version read, by
 * {@link LedgerRules}; if that version is gone by the time of the UPDATE, the UPDATE matches nothing.
 *
 * <p>Lease ends and post times come from the given clock; publishers on several machines need clocks in
 * step to well under a lease.
 */
public final class JdbcPublishLedger implements PublishLedger {
    private static final String CLAIMABLE = "('" + PublishState.PLANNED + "', '" + PublishState.UPLOADING + "', '"
            + PublishState.PROCESSING + "', '" + PublishState.PUBLISHING + "')";

    private final ConnectionPool pool;
    private final Clock clock;
    private final String where;

    private JdbcPublishLedger(LedgerDatabase database, Clock clock) {
        this.pool = new ConnectionPool(database);
        this.clock = clock;
        this.where = database.toString();
    }

    /** Opens the ledger in {@code database}, creating its table the first time. */
    public static JdbcPublishLedger open(LedgerDatabase database, Clock clock) {
        JdbcPublishLedger ledger = new JdbcPublishLedger(database, clock);
        try {
            LedgerSchema.create(ledger.pool);
        } catch (SQLException e) {
            ledger.close();
            throw new LedgerStoreException("cannot create the publish ledger in " + database, e);
        }
        return ledger;
    }

    @Override
    public boolean plan(PlannedPublish plan) {
        if (get(plan.key()).isPresent()) {
            return false; // the usual re-run: no failed INSERT in the database's log
        }
        PublishRecord planned = PublishRecord.planned(plan, now());
        try {
            return pool.call(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(LedgerRows.INSERT)) {
                    LedgerRows.bindInsert(insert, planned);
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            if (SqlStates.isDuplicateKey(e)) {
                return false; // another planner inserted it since the look-up
            }
            throw failure("plan " + plan.key(), e);
        }
    }

    @Override
    public Optional<PublishRecord> get(PublishKey key) {
        List<PublishRecord> found = query(
                "get " + key,
                LedgerRows.SELECT + " WHERE " + LedgerRows.KEY,
                statement -> LedgerRows.bindKey(statement, 1, key));
        return found.stream().findFirst();
    }

    @Override
    public List<PublishRecord> byMatch(String matchId) {
        return query(
                "list match " + matchId,
                LedgerRows.SELECT + " WHERE match_id = ?" + " ORDER BY clip_rank, destination, clip_id, rendition",
                statement -> statement.setString(1, matchId));
    }

    @Override
    public List<PublishRecord> byDestination(String destination) {
        return query(
                "list destination " + destination,
                LedgerRows.SELECT + " WHERE destination = ?" + " ORDER BY clip_rank, match_id, clip_id, rendition",
                statement -> statement.setString(1, destination));
    }

    @Override
    public List<PublishRecord> byState(PublishState state) {
        return query(
                "list state " + state,
                LedgerRows.SELECT + " WHERE state = ?" + " ORDER BY destination, clip_rank, clip_id, rendition",
                statement -> statement.setString(1, state.name()));
    }

    @Override
    public List<PublishRecord> nextFor(String destination, int limit) {
        long now = now().toEpochMilli();
        return query(
                "next for " + destination,
                LedgerRows.SELECT
                        + " WHERE destination = ? AND state IN " + CLAIMABLE
                        + " AND (lease_owner IS NULL OR lease_until_ms <= ?)"
                        + " ORDER BY clip_rank, score DESC, match_id, clip_id, rendition LIMIT ?",
                statement -> {
                    statement.setString(1, destination);
                    statement.setLong(2, now);
                    statement.setInt(3, limit);
                });
    }

    @Override
    public PostWindow posts(String destination, Duration window) {
        Instant now = now();
        String sql = "SELECT posted_at_ms FROM " + LedgerSchema.TABLE
                + " WHERE destination = ? AND state = '" + PublishState.POSTED + "' AND posted_at_ms > ?"
                + " ORDER BY posted_at_ms";
        String inFlight = "SELECT COUNT(*) FROM " + LedgerSchema.TABLE
                + " WHERE destination = ? AND state IN ('" + PublishState.UPLOADING + "', '"
                + PublishState.PROCESSING + "', '" + PublishState.PUBLISHING + "', '" + PublishState.UNCERTAIN + "')";
        try {
            return pool.call(connection -> {
                List<Instant> posted = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, destination);
                    statement.setLong(2, now.minus(window).toEpochMilli());
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            posted.add(Instant.ofEpochMilli(rs.getLong(1)));
                        }
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(inFlight)) {
                    statement.setString(1, destination);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return new PostWindow(destination, now, window, posted, rs.getInt(1));
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("count posts of " + destination, e);
        }
    }

    @Override
    public Optional<PublishRecord> claim(PublishKey key, long expectedVersion, String owner, Duration lease) {
        Instant now = now();
        Optional<PublishRecord> current = get(key);
        if (current.isEmpty()
                || current.get().version() != expectedVersion
                || !LedgerRules.claimable(current.get(), owner, now)) {
            return Optional.empty();
        }
        PublishRecord next = LedgerRules.claim(current.get(), owner, lease, now);
        return compareAndSet(next, expectedVersion) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public PublishRecord release(PublishKey key, long expectedVersion, String owner) {
        return write(key, expectedVersion, (current, now) -> LedgerRules.release(current, owner, now));
    }

    @Override
    public PublishRecord requestApproval(PublishKey key, long expectedVersion, String actor) {
        return move(key, expectedVersion, PublishState.AWAITING_APPROVAL, actor, next -> next);
    }

    @Override
    public PublishRecord approve(PublishKey key, long expectedVersion, String person) {
        return move(key, expectedVersion, PublishState.PLANNED, person, next -> next.decidedBy(person));
    }

    @Override
    public PublishRecord reject(PublishKey key, long expectedVersion, String person, String reason) {
        return move(
                key,
                expectedVersion,
                PublishState.REJECTED,
                person,
                next -> next.decidedBy(person).reason(LedgerRules.reason(reason), null));
    }

    @Override
    public PublishRecord markUploading(
            PublishKey key, long expectedVersion, String owner, String handle, long progress) {
        if (progress < 0) {
            throw new IllegalArgumentException("upload progress cannot be negative: " + progress);
        }
        return move(
                key,
                expectedVersion,
                PublishState.UPLOADING,
                owner,
                next -> next.upload(LedgerRules.whole(handle, "upload handle"), progress));
    }

    @Override
    public PublishRecord markProcessing(PublishKey key, long expectedVersion, String owner, String remoteId) {
        return move(
                key,
                expectedVersion,
                PublishState.PROCESSING,
                owner,
                next -> next.remoteId(LedgerRules.whole(remoteId, "platform id")));
    }

    @Override
    public PublishRecord markPosted(PublishKey key, long expectedVersion, String owner, String postId, String postUrl) {
        return move(
                key,
                expectedVersion,
                PublishState.POSTED,
                owner,
                next -> next.post(LedgerRules.whole(postId, "post id"), LedgerRules.whole(postUrl, "post URL")));
    }

    @Override
    public PublishRecord markPublishing(PublishKey key, long expectedVersion, String owner, String pendingId) {
        return move(
                key,
                expectedVersion,
                PublishState.PUBLISHING,
                owner,
                next -> next.pending(LedgerRules.whole(pendingId, "pending platform id")));
    }

    @Override
    public PublishRecord markUncertain(PublishKey key, long expectedVersion, String owner, String reason) {
        return move(
                key,
                expectedVersion,
                PublishState.UNCERTAIN,
                owner,
                next -> next.reason(LedgerRules.reason(reason), null));
    }

    @Override
    public PublishRecord resend(PublishKey key, long expectedVersion, String person) {
        return settleUncertain(
                key,
                expectedVersion,
                PublishState.PROCESSING,
                person,
                next -> next.decidedBy(person).reason(null, null).pending(null));
    }

    @Override
    public PublishRecord confirm(PublishKey key, long expectedVersion, String person, String postUrl) {
        PublishRecord current = get(key).orElseThrow(() -> new LedgerException(key + ": not in the ledger"));
        if (current.postId() != null && current.state() == PublishState.UNCERTAIN) {
            // One call of several went through: record it and let the next run go on with the rest.
            return settleUncertain(
                    key,
                    expectedVersion,
                    PublishState.PROCESSING,
                    person,
                    next -> next.decidedBy(person)
                            .reason(null, null)
                            .remoteId(current.postId())
                            .pending(null));
        }
        return settleUncertain(
                key,
                expectedVersion,
                PublishState.POSTED,
                person,
                next -> next.decidedBy(person).post(null, LedgerRules.whole(postUrl, "post URL")));
    }

    @Override
    public PublishRecord markFailed(PublishKey key, long expectedVersion, String actor, String reason) {
        return move(
                key,
                expectedVersion,
                PublishState.FAILED,
                actor,
                next -> next.reason(LedgerRules.reason(reason), null));
    }

    @Override
    public PublishRecord markSkipped(
            PublishKey key, long expectedVersion, String actor, String reason, Instant reopensAt) {
        Instant reopens = reopensAt == null ? null : reopensAt.truncatedTo(ChronoUnit.MILLIS);
        return move(
                key,
                expectedVersion,
                PublishState.SKIPPED,
                actor,
                next -> next.reason(LedgerRules.reason(reason), reopens));
    }

    @Override
    public PublishRecord noteWithdrawn(PublishKey key, long expectedVersion, String actor, String reason) {
        return write(
                key,
                expectedVersion,
                (current, now) ->
                        LedgerRules.note(current, PublishState.POSTED, actor, now, LedgerRules.reason(reason)));
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "publish ledger in " + where;
    }

    private PublishRecord move(
            PublishKey key,
            long expectedVersion,
            PublishState to,
            String actor,
            UnaryOperator<PublishRecord.Builder> fill) {
        return write(key, expectedVersion, (current, now) -> LedgerRules.move(current, to, actor, now, fill));
    }

    /** Only out of UNCERTAIN, and only by these two calls: a publisher's moves never settle it. */
    private PublishRecord settleUncertain(
            PublishKey key,
            long expectedVersion,
            PublishState to,
            String person,
            UnaryOperator<PublishRecord.Builder> fill) {
        return write(key, expectedVersion, (current, now) -> LedgerRules.settle(current, to, person, now, fill));
    }

    @FunctionalInterface
    private interface Change {
        PublishRecord apply(PublishRecord current, Instant now);
    }

    /** Reads the record, lets {@code change} work out its next version, and compares-and-sets it. */
    private PublishRecord write(PublishKey key, long expectedVersion, Change change) {
        PublishRecord current = get(key).orElseThrow(() -> new LedgerException(key + ": not in the ledger"));
        if (current.version() != expectedVersion) {
            throw staleVersion(key, expectedVersion, current);
        }
        PublishRecord next = change.apply(current, now());
        if (!compareAndSet(next, expectedVersion)) {
            throw staleVersion(key, expectedVersion, get(key).orElse(current));
        }
        return next;
    }

    private boolean compareAndSet(PublishRecord next, long expectedVersion) {
        try {
            return pool.call(connection -> {
                try (PreparedStatement update = connection.prepareStatement(LedgerRows.UPDATE)) {
                    LedgerRows.bindUpdate(update, next, expectedVersion);
                    return update.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            if (SqlStates.isLostRace(e)) {
                return false;
            }
            throw failure("update " + next.key(), e);
        }
    }

    private static LedgerConflictException staleVersion(PublishKey key, long expected, PublishRecord found) {
        return new LedgerConflictException(
                key,
                "expected version " + expected + " but another writer moved it" + " to version " + found.version()
                        + " (" + found.state() + ")");
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<PublishRecord> query(String what, String sql, Binder binder) {
        try {
            return pool.call(connection -> select(connection, sql, binder));
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static List<PublishRecord> select(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<PublishRecord> records = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    records.add(LedgerRows.read(rs));
                }
            }
            return records;
        }
    }

    /** Milliseconds: what the columns hold, so a record written equals the same record read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LedgerStoreException failure(String what, SQLException e) {
        return new LedgerStoreException(what + " in " + where + " failed: " + e.getMessage(), e);
    }
}

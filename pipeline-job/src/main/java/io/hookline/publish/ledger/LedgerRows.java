package io.hookline.publish.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** The SQL that reads and writes whole records, and the mapping between a row and a {@link PublishRecord}. */
final class LedgerRows {
    static final String COLUMNS = "clip_id, rendition, destination, match_id, clip_rank, score, state, version,"
            + " lease_owner, lease_until_ms, upload_handle, upload_progress, remote_id, post_id, post_url, reason,"
            + " reopens_at_ms, decided_by, planned_at_ms, updated_at_ms, posted_at_ms";

    static final String SELECT = "SELECT " + COLUMNS + " FROM " + LedgerSchema.TABLE;

    static final String KEY = "clip_id = ? AND rendition = ? AND destination = ?";

    static final String INSERT = "INSERT INTO " + LedgerSchema.TABLE + " (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The compare-and-set: it matches the row only while it still has the version the caller read. */
    static final String UPDATE = "UPDATE " + LedgerSchema.TABLE + " SET state = ?, version = ?,"
            + " lease_owner = ?, lease_until_ms = ?, upload_handle = ?, upload_progress = ?, remote_id = ?,"
            + " post_id = ?, post_url = ?, reason = ?, reopens_at_ms = ?, decided_by = ?, updated_at_ms = ?,"
            + " posted_at_ms = ? WHERE " + KEY + " AND version = ?";

    private LedgerRows() {}

    static void bindInsert(PreparedStatement statement, PublishRecord r) throws SQLException {
        int i = bindKey(statement, 1, r.key());
        statement.setString(i++, r.matchId());
        statement.setInt(i++, r.rank());
        statement.setDouble(i++, r.score());
        i = bindMutable(statement, i, r);
        statement.setLong(i++, r.plannedAt().toEpochMilli());
        statement.setLong(i++, r.updatedAt().toEpochMilli());
        setInstant(statement, i, r.postedAt());
    }

    static void bindUpdate(PreparedStatement statement, PublishRecord next, long expectedVersion) throws SQLException {
        int i = bindMutable(statement, 1, next);
        statement.setLong(i++, next.updatedAt().toEpochMilli());
        setInstant(statement, i++, next.postedAt());
        i = bindKey(statement, i, next.key());
        statement.setLong(i, expectedVersion);
    }

    static int bindKey(PreparedStatement statement, int i, PublishKey key) throws SQLException {
        statement.setString(i++, key.clipId());
        statement.setString(i++, key.rendition());
        statement.setString(i++, key.destination());
        return i;
    }

    /** state through decided_by, in the order both INSERT and UPDATE list them. */
    private static int bindMutable(PreparedStatement statement, int i, PublishRecord r) throws SQLException {
        statement.setString(i++, r.state().name());
        statement.setLong(i++, r.version());
        statement.setString(i++, r.leaseOwner());
        setInstant(statement, i++, r.leaseUntil());
        statement.setString(i++, r.uploadHandle());
        statement.setLong(i++, r.uploadProgress());
        statement.setString(i++, r.remoteId());
        statement.setString(i++, r.postId());
        statement.setString(i++, r.postUrl());
        statement.setString(i++, r.reason());
        setInstant(statement, i++, r.reopensAt());
        statement.setString(i++, r.decidedBy());
        return i;
    }

    static PublishRecord read(ResultSet rs) throws SQLException {
        return new PublishRecord(
                new PublishKey(rs.getString("clip_id"), rs.getString("rendition"), rs.getString("destination")),
                rs.getString("match_id"),
                rs.getInt("clip_rank"),
                rs.getDouble("score"),
                PublishState.valueOf(rs.getString("state")),
                rs.getLong("version"),
                rs.getString("lease_owner"),
                instant(rs, "lease_until_ms"),
                rs.getString("upload_handle"),
                rs.getLong("upload_progress"),
                rs.getString("remote_id"),
                rs.getString("post_id"),
                rs.getString("post_url"),
                rs.getString("reason"),
                instant(rs, "reopens_at_ms"),
                rs.getString("decided_by"),
                instant(rs, "planned_at_ms"),
                instant(rs, "updated_at_ms"),
                instant(rs, "posted_at_ms"));
    }

    private static void setInstant(PreparedStatement statement, int i, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(i, Types.BIGINT);
        } else {
            statement.setLong(i, value.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

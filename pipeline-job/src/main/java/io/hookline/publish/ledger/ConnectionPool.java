package io.hookline.publish.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Reuses connections between calls: opening one costs a PostgreSQL backend, and an open H2 connection
 * keeps the database file open. Each connection runs one autocommit statement at a time at READ COMMITTED.
 * A connection whose call failed is closed rather than reused, since it may be broken.
 */
final class ConnectionPool implements AutoCloseable {
    private final LedgerDatabase database;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ConnectionPool(LedgerDatabase database) {
        this.database = database;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs {@code call} on a pooled connection; SQL errors reach the caller, who decides what they mean. */
    <T> T call(SqlCall<T> call) throws SQLException {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            T result = call.apply(connection);
            healthy = true;
            return result;
        } finally {
            if (healthy && !closed) {
                idle.push(connection);
            } else {
                discard(connection);
            }
        }
    }

    private Connection borrow() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the ledger on " + database + " is closed");
        }
        Connection pooled = idle.poll();
        if (pooled != null) {
            return pooled;
        }
        Connection fresh = database.connect();
        fresh.setAutoCommit(true);
        fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        open.add(fresh);
        return fresh;
    }

    private void discard(Connection connection) {
        open.remove(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // It was failing already; the error that matters went to the caller.
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.clear();
        for (Connection connection : open) {
            discard(connection);
        }
    }
}

package io.hookline.publish.ledger;

/**
 * The database failed (unreachable, full, a bad schema). A write that failed this way may still have been
 * committed, so the caller re-reads the record before it goes on.
 */
public class LedgerStoreException extends LedgerException {
    public LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

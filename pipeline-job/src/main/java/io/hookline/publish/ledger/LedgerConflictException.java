package io.hookline.publish.ledger;

/**
 * Another writer changed the record since the caller read it (its version moved on), or another owner holds
 * its lease. The caller re-reads the record and decides again; it must not go on with the remote call.
 */
public class LedgerConflictException extends LedgerException {
    private final PublishKey key;

    public LedgerConflictException(PublishKey key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public PublishKey key() {
        return key;
    }
}

package io.hookline.publish.ledger;

/** The ledger could not do what was asked; the subclasses say why. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}

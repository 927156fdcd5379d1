package io.hookline.publish.ledger;

/** The move is not in {@link PublishState}'s list, e.g. out of a final state: a bug in the caller. */
public class IllegalTransitionException extends LedgerException {
    private final PublishState from;
    private final PublishState to;

    public IllegalTransitionException(PublishKey key, PublishState from, PublishState to) {
        super(key + ": cannot move from " + from + " to " + to + " (allowed: " + from.next() + ")");
        this.from = from;
        this.to = to;
    }

    public PublishState from() {
        return from;
    }

    public PublishState to() {
        return to;
    }
}

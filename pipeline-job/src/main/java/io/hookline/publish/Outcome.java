package io.hookline.publish;

import io.hookline.publish.ledger.PublishKey;

/** What a run did with one record, for the run's report. */
public record Outcome(PublishKey key, int rank, Result result, String detail) {

    public enum Result {
        POSTED,
        SKIPPED,
        FAILED,
        /** Stopped in flight (retries ran out); the next run resumes it from the ledger. */
        INTERRUPTED,
        /** Another publisher holds its lease. */
        BUSY,
        /** Waits for a person; see {@code publish approve}. */
        AWAITING_APPROVAL,
        /** May have been posted; a person checks and settles it ({@code publish confirm} or {@code resend}). */
        UNCERTAIN,
        /** Its destination cannot be published to now (no publisher, no credentials). */
        NOT_STARTED,
        /** Dry run: it would be posted. */
        WOULD_POST
    }

    /** Results that leave work undone which a person or a later run must see to. */
    public boolean troubled() {
        return result == Result.FAILED
                || result == Result.INTERRUPTED
                || result == Result.NOT_STARTED
                || result == Result.UNCERTAIN;
    }

    @Override
    public String toString() {
        return String.format("#%-3d %-18s %s%s", rank, result, key, detail.isEmpty() ? "" : "  " + detail);
    }
}

package io.hookline.publish.ledger;

import java.time.Duration;

/** Drives a record into any state through the public API, and applies any move to it, for the contract. */
final class LedgerMoves {
    static final String OWNER = "publisher-1";
    static final Duration LEASE = Duration.ofMinutes(5);

    private final PublishLedger ledger;

    LedgerMoves(PublishLedger ledger) {
        this.ledger = ledger;
    }

    PublishRecord plan(String clipId, String destination, String matchId, int rank, double score) {
        PublishKey key = new PublishKey(clipId, "landscape", destination);
        ledger.plan(new PlannedPublish(key, matchId, rank, score));
        return ledger.get(key).orElseThrow();
    }

    PublishRecord plan(String clipId) {
        return plan(clipId, "youtube", "match-1", 1, 1.0);
    }

    /** Claimed by {@link #OWNER} when it can be claimed at all, else as it is. */
    PublishRecord claimIfPossible(PublishRecord record) {
        return ledger.claim(record.key(), record.version(), OWNER, LEASE).orElse(record);
    }

    /** A new record, planned and moved into {@code state} the way a publisher or a person would. */
    PublishRecord reach(String clipId, PublishState state) {
        PublishRecord planned = plan(clipId);
        return switch (state) {
            case PLANNED -> planned;
            case AWAITING_APPROVAL, FAILED, SKIPPED, UPLOADING -> apply(claimIfPossible(planned), state);
            case PROCESSING -> apply(reach(clipId, PublishState.UPLOADING), state);
            case PUBLISHING, POSTED -> apply(reach(clipId, PublishState.PROCESSING), state);
            case UNCERTAIN -> apply(reach(clipId, PublishState.PUBLISHING), state);
            case REJECTED -> apply(reach(clipId, PublishState.AWAITING_APPROVAL), state);
        };
    }

    /** The one API call that moves a record to {@code to}, made by {@link #OWNER} (a person's out of UNCERTAIN). */
    PublishRecord apply(PublishRecord r, PublishState to) {
        PublishKey key = r.key();
        long version = r.version();
        return switch (to) {
            case PLANNED -> ledger.approve(key, version, OWNER);
            case AWAITING_APPROVAL -> ledger.requestApproval(key, version, OWNER);
            case UPLOADING -> ledger.markUploading(key, version, OWNER, "session-" + key.clipId(), 0);
            case PROCESSING ->
                r.state() == PublishState.UNCERTAIN
                        ? ledger.resend(key, version, OWNER)
                        : ledger.markProcessing(key, version, OWNER, "container-" + key.clipId());
            case PUBLISHING -> ledger.markPublishing(key, version, OWNER, null);
            case UNCERTAIN -> ledger.markUncertain(key, version, OWNER, "the post call's answer was lost");
            case POSTED ->
                r.state() == PublishState.UNCERTAIN
                        ? ledger.confirm(key, version, OWNER, "https://example.invalid/" + key.clipId())
                        : ledger.markPosted(
                                key, version, OWNER, "post-" + key.clipId(), "https://example.invalid/" + key.clipId());
            case FAILED -> ledger.markFailed(key, version, OWNER, "the platform said no");
            case SKIPPED -> ledger.markSkipped(key, version, OWNER, "destination disabled", null);
            case REJECTED -> ledger.reject(key, version, OWNER, "not on brand");
        };
    }
}

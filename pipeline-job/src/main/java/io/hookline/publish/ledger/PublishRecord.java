package io.hookline.publish.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the ledger. {@code version} goes up by one on every write; a write names the version it read,
 * so it fails instead of overwriting a change it has not seen. Fields that a state does not use are null
 * (or 0 for the upload progress).
 *
 * @param leaseOwner     who works on it now, or null; the lease ends at {@code leaseUntil}
 * @param uploadHandle   the platform's upload session (a URL, an upload id), once it exists
 * @param uploadProgress how far the upload got: bytes or a chunk index, as the platform counts
 * @param remoteId       the platform's container, publish or media id while it processes
 * @param reason         why it failed, was skipped or was rejected
 * @param reopensAt      for a quota skip: when the destination's window has room again
 * @param decidedBy      the person who approved or rejected it
 */
public record PublishRecord(
        PublishKey key,
        String matchId,
        int rank,
        double score,
        PublishState state,
        long version,
        String leaseOwner,
        Instant leaseUntil,
        String uploadHandle,
        long uploadProgress,
        String remoteId,
        String postId,
        String postUrl,
        String reason,
        Instant reopensAt,
        String decidedBy,
        Instant plannedAt,
        Instant updatedAt,
        Instant postedAt) {

    public PublishRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException(key + ": a lease needs both an owner and an end");
        }
    }

    /** A fresh record in {@link PublishState#PLANNED}, version 1. */
    static PublishRecord planned(PlannedPublish plan, Instant now) {
        return new PublishRecord(
                plan.key(),
                plan.matchId(),
                plan.rank(),
                plan.score(),
                PublishState.PLANNED,
                1,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                null);
    }

    /** Approved by a person and planned again: the publisher may now send it. */
    public boolean approved() {
        return state == PublishState.PLANNED && decidedBy != null;
    }

    /** Someone other than {@code owner} holds a lease that has not ended at {@code now}. */
    public boolean leasedToOtherThan(String owner, Instant now) {
        return leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil.isAfter(now);
    }

    Builder next(Instant now) {
        return new Builder(this, now);
    }

    /** The next version of a record: same key and plan, version + 1, updated now. */
    static final class Builder {
        private final PublishRecord from;
        private final Instant now;
        private PublishState state;
        private String leaseOwner;
        private Instant leaseUntil;
        private String uploadHandle;
        private long uploadProgress;
        private String remoteId;
        private String postId;
        private String postUrl;
        private String reason;
        private Instant reopensAt;
        private String decidedBy;
        private Instant postedAt;

        private Builder(PublishRecord from, Instant now) {
            this.from = from;
            this.now = now;
            state = from.state;
            leaseOwner = from.leaseOwner;
            leaseUntil = from.leaseUntil;
            uploadHandle = from.uploadHandle;
            uploadProgress = from.uploadProgress;
            remoteId = from.remoteId;
            postId = from.postId;
            postUrl = from.postUrl;
            reason = from.reason;
            reopensAt = from.reopensAt;
            decidedBy = from.decidedBy;
            postedAt = from.postedAt;
        }

        Builder state(PublishState value) {
            state = value;
            return this;
        }

        Builder lease(String owner, Instant until) {
            leaseOwner = owner;
            leaseUntil = until;
            return this;
        }

        Builder upload(String handle, long progress) {
            uploadHandle = handle;
            uploadProgress = progress;
            return this;
        }

        Builder remoteId(String value) {
            remoteId = value;
            return this;
        }

        Builder post(String id, String url) {
            postId = id;
            postUrl = url;
            postedAt = now;
            return this;
        }

        Builder reason(String text, Instant reopens) {
            reason = text;
            reopensAt = reopens;
            return this;
        }

        /** While PUBLISHING: the remote id that records the call as made, kept in the post id's place. */
        Builder pending(String id) {
            postId = id;
            return this;
        }

        Builder decidedBy(String person) {
            decidedBy = person;
            return this;
        }

        PublishRecord build() {
            return new PublishRecord(
                    from.key,
                    from.matchId,
                    from.rank,
                    from.score,
                    state,
                    from.version + 1,
                    leaseOwner,
                    leaseUntil,
                    uploadHandle,
                    uploadProgress,
                    remoteId,
                    postId,
                    postUrl,
                    reason,
                    reopensAt,
                    decidedBy,
                    from.plannedAt,
                    now,
                    postedAt);
        }
    }
}

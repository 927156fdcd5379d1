package io.hookline.publish.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every (clip, rendition, destination) to publish, and the only way its state moves.
 *
 * <p>Every write is compare-and-set: it names the version the caller read and throws
 * {@link LedgerConflictException} if another writer changed the record meanwhile, and
 * {@link IllegalTransitionException} for a move {@link PublishState} does not allow. A publisher writes the
 * state <em>before</em> each remote call, so after a crash the record says what may already have happened.
 *
 * <p>Two publishers never work on the same record: one {@link #claim}s it (a lease with an owner and an
 * end); the moves that do remote work ({@code markUploading}, {@code markProcessing}, {@code markPosted},
 * and failing a record in flight) need the caller to hold the lease. When an owner dies its lease ends and
 * another may claim the record and resume from the stored handle; nothing starts the work over while the
 * record is not final. A lease is renewed by claiming again.
 */
public interface PublishLedger extends AutoCloseable {

    /** Adds a {@link PublishState#PLANNED} record; false, and nothing changed, if the key is already there. */
    boolean plan(PlannedPublish plan);

    /** Plans each one; returns how many were new, so a re-run of the same match returns 0. */
    default int planAll(Collection<PlannedPublish> plans) {
        int added = 0;
        for (PlannedPublish plan : plans) {
            added += plan(plan) ? 1 : 0;
        }
        return added;
    }

    Optional<PublishRecord> get(PublishKey key);

    /** Ordered by rank, then destination, clip and rendition. */
    List<PublishRecord> byMatch(String matchId);

    /** Ordered by rank, then match, clip and rendition. */
    List<PublishRecord> byDestination(String destination);

    /** Ordered by destination, rank, clip and rendition. */
    List<PublishRecord> byState(PublishState state);

    /**
     * What a publisher for {@code destination} may claim now, best rank first (then higher score): planned
     * records and records in flight, whose lease is free or has ended. Records waiting for approval are not
     * among them.
     */
    List<PublishRecord> nextFor(String destination, int limit);

    /** The destination's posts in the last {@code window} (24 hours for the platforms' daily quotas). */
    PostWindow posts(String destination, Duration window);

    /**
     * Takes (or renews) the lease on a record that is not final and not waiting for approval. Empty if the
     * record changed since {@code expectedVersion}, another owner's lease has not ended, or it cannot be
     * worked on: losing a race is expected, so it is not an exception.
     */
    Optional<PublishRecord> claim(PublishKey key, long expectedVersion, String owner, Duration lease);

    /** Gives the lease back without moving the record, e.g. on an orderly shutdown. */
    PublishRecord release(PublishKey key, long expectedVersion, String owner);

    /** PLANNED to AWAITING_APPROVAL; the lease, if any, is dropped: nobody works on it while it waits. */
    PublishRecord requestApproval(PublishKey key, long expectedVersion, String actor);

    /** AWAITING_APPROVAL to PLANNED, with the approver recorded, so a publisher may send it. */
    PublishRecord approve(PublishKey key, long expectedVersion, String person);

    /** AWAITING_APPROVAL to REJECTED. */
    PublishRecord reject(PublishKey key, long expectedVersion, String person, String reason);

    /**
     * PLANNED to UPLOADING, or more progress while UPLOADING. Written before the upload session is opened
     * (handle still null), then again with the handle and after each chunk.
     */
    PublishRecord markUploading(PublishKey key, long expectedVersion, String owner, String handle, long progress);

    /** UPLOADING to PROCESSING, or a new platform id while PROCESSING (e.g. container, then publish id). */
    PublishRecord markProcessing(PublishKey key, long expectedVersion, String owner, String remoteId);

    /** UPLOADING, PROCESSING or PUBLISHING to POSTED; the time counts in {@link #posts}. */
    PublishRecord markPosted(PublishKey key, long expectedVersion, String owner, String postId, String postUrl);

    /**
     * PROCESSING to PUBLISHING, written just before a post call that the platform can neither deduplicate nor
     * be asked about later; the remote id stays the one the call is sent from, and {@code pendingId} (kept as
     * the post id) is the one that records the call as made when it is one of several (null for the last).
     */
    PublishRecord markPublishing(PublishKey key, long expectedVersion, String owner, String pendingId);

    /** PUBLISHING to UNCERTAIN: a resumed run cannot tell whether the call posted; a person has to look. */
    PublishRecord markUncertain(PublishKey key, long expectedVersion, String owner, String reason);

    /** UNCERTAIN to PROCESSING, by a person who found no post: the next run sends the call again. */
    PublishRecord resend(PublishKey key, long expectedVersion, String person);

    /**
     * By a person who found the post: UNCERTAIN to POSTED, with {@code postUrl} (may be empty: no public
     * address); or, when the uncertain call was one of several (a pending id), to PROCESSING under that id,
     * so the next run goes on with the calls after it.
     */
    PublishRecord confirm(PublishKey key, long expectedVersion, String person, String postUrl);

    /** To FAILED, from PLANNED, UPLOADING or PROCESSING (those in flight only by the lease holder). */
    PublishRecord markFailed(PublishKey key, long expectedVersion, String actor, String reason);

    /** PLANNED or AWAITING_APPROVAL to SKIPPED; {@code reopensAt} is null unless a quota was full. */
    PublishRecord markSkipped(PublishKey key, long expectedVersion, String actor, String reason, Instant reopensAt);

    /**
     * Records on a POSTED record that its clip was withdrawn (a correction made it wrong) after it went out:
     * the state stays POSTED, the reason says so, for a person to take the post down where the platform
     * allows. Any other state is refused: a record not yet posted is skipped or failed instead.
     */
    PublishRecord noteWithdrawn(PublishKey key, long expectedVersion, String actor, String reason);

    @Override
    void close();
}

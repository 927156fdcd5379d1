package io.hookline.publish.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a record is in its life. The allowed moves are listed here once; the ledger refuses every other
 * one, so a bug in a publisher cannot, say, upload a clip that was already posted or rejected.
 */
public enum PublishState {
    /** Planned, nothing sent yet. After an approval it is planned again, with the approver recorded. */
    PLANNED,
    /** Waiting for a person to approve or reject it; nobody works on it meanwhile. */
    AWAITING_APPROVAL,
    /** Sending bytes; the platform's session handle and how far it got are stored so a resume goes on. */
    UPLOADING,
    /** Uploaded; the platform is processing it under a container, publish or media id. */
    PROCESSING,
    /**
     * A post call is on its way to a platform that can neither take an idempotency key nor be asked
     * afterwards whether the call went through; the remote id is the one the call was sent from.
     */
    PUBLISHING,
    /**
     * Found in PUBLISHING by a later run: the call may have posted. Nobody works on it until a person has
     * checked the channel and either confirms the post or has it sent again.
     */
    UNCERTAIN,
    POSTED,
    FAILED,
    /** Not sent, on purpose (a quota, a disabled destination); for a quota, when the window reopens. */
    SKIPPED,
    /** A person refused it. */
    REJECTED;

    private static final Map<PublishState, Set<PublishState>> NEXT = new EnumMap<>(PublishState.class);

    static {
        NEXT.put(PLANNED, EnumSet.of(AWAITING_APPROVAL, UPLOADING, SKIPPED, FAILED));
        NEXT.put(AWAITING_APPROVAL, EnumSet.of(PLANNED, REJECTED, SKIPPED));
        // Staying in UPLOADING or PROCESSING records progress: a new handle, offset or platform id.
        NEXT.put(UPLOADING, EnumSet.of(UPLOADING, PROCESSING, POSTED, FAILED));
        NEXT.put(PROCESSING, EnumSet.of(PROCESSING, PUBLISHING, POSTED, FAILED));
        // Back to PROCESSING once the call's answer is recorded (a fan-out goes on with its next call).
        NEXT.put(PUBLISHING, EnumSet.of(PROCESSING, POSTED, FAILED, UNCERTAIN));
        // A person's decision: the post is there (POSTED), or it is not and the call goes again (PROCESSING).
        NEXT.put(UNCERTAIN, EnumSet.of(POSTED, PROCESSING));
        for (PublishState finalState : EnumSet.of(POSTED, FAILED, SKIPPED, REJECTED)) {
            NEXT.put(finalState, EnumSet.noneOf(PublishState.class));
        }
    }

    /** Waits for a person (an approval, or a check of an uncertain post); nobody works on it meanwhile. */
    public boolean waitsForPerson() {
        return this == AWAITING_APPROVAL || this == UNCERTAIN;
    }

    /** Nothing moves a record out of a final state. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Work has started on the platform: only the lease holder may move it, and a resume uses its handle. */
    public boolean isInFlight() {
        return this == UPLOADING || this == PROCESSING || this == PUBLISHING;
    }

    public boolean canMoveTo(PublishState next) {
        return NEXT.get(this).contains(next);
    }

    public Set<PublishState> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }
}

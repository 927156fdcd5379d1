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
        NEXT.put(PROCESSING, EnumSet.of(PROCESSING, POSTED, FAILED));
        for (PublishState finalState : EnumSet.of(POSTED, FAILED, SKIPPED, REJECTED)) {
            NEXT.put(finalState, EnumSet.noneOf(PublishState.class));
        }
    }

    /** Nothing moves a record out of a final state. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Work has started on the platform: only the lease holder may move it, and a resume uses its handle. */
    public boolean isInFlight() {
        return this == UPLOADING || this == PROCESSING;
    }

    public boolean canMoveTo(PublishState next) {
        return NEXT.get(this).contains(next);
    }

    public Set<PublishState> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }
}

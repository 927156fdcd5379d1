package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.util.List;

/**
 * The records a person decides on: a clip's, on one destination or on all, waiting for approval or, with a
 * post that may have gone through, for a check of the channel.
 */
final class PublishDecision {
    private PublishDecision() {
    }

    static List<PublishRecord> waiting(PublishLedger ledger, String clipId, String destination) {
        return in(PublishState.AWAITING_APPROVAL, "nothing waits for approval", ledger, clipId, destination);
    }

    static List<PublishRecord> uncertain(PublishLedger ledger, String clipId, String destination) {
        return in(PublishState.UNCERTAIN, "no post is uncertain", ledger, clipId, destination);
    }

    private static List<PublishRecord> in(PublishState state, String none, PublishLedger ledger, String clipId,
                                          String destination) {
        List<PublishRecord> waiting = ledger.byState(state).stream()
                .filter(r -> r.key().clipId().equals(clipId))
                .filter(r -> destination == null || r.key().destination().equals(destination))
                .toList();
        if (waiting.isEmpty()) {
            throw new IllegalArgumentException("CLIP " + clipId + (destination == null ? "" : " on " + destination)
                    + ": " + none + "; see ./hookline publish status");
        }
        return waiting;
    }

    static String person(String given) {
        return given != null ? given : System.getProperty("user.name", "operator");
    }
}

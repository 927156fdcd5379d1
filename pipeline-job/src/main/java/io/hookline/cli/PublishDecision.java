package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.util.List;

/** The records a person approves or rejects: a clip's, on one destination or on all, still waiting. */
final class PublishDecision {
    private PublishDecision() {
    }

    static List<PublishRecord> waiting(PublishLedger ledger, String clipId, String destination) {
        List<PublishRecord> waiting = ledger.byState(PublishState.AWAITING_APPROVAL).stream()
                .filter(r -> r.key().clipId().equals(clipId))
                .filter(r -> destination == null || r.key().destination().equals(destination))
                .toList();
        if (waiting.isEmpty()) {
            throw new IllegalArgumentException("CLIP " + clipId + (destination == null ? "" : " on " + destination)
                    + ": nothing waits for approval; see ./hookline publish status");
        }
        return waiting;
    }

    static String person(String given) {
        return given != null ? given : System.getProperty("user.name", "operator");
    }
}

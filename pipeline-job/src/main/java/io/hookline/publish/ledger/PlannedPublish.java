package io.hookline.publish.ledger;

import java.util.Objects;

/** What the planner knows when it adds a record: the clip's rank (1 = best) and score order quotas. */
public record PlannedPublish(PublishKey key, String matchId, int rank, double score) {
    public PlannedPublish {
        Objects.requireNonNull(key, "key");
        PublishKey.requireText(matchId, "matchId");
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1, got " + rank);
        }
    }
}

package io.hookline.job;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * How long a live job keeps a match's keyed state after its last write. A live job runs for weeks and sees
 * match after match: without an expiry, every ended match would leave its marker behind forever, and a feed
 * that stopped without a {@code MATCH_END} would leave all its state. A finished match from a file (BATCH
 * mode) keeps its state for the run, and then the run is over.
 */
record MatchRetention(Duration ttl) implements Serializable {
    /** State kept for the whole run: BATCH mode, or operators tested without expiry. */
    static final MatchRetention FOR_THE_RUN = new MatchRetention(null);

    /** Gives {@code descriptor} this retention. */
    <D extends StateDescriptor<?, ?>> D apply(D descriptor) {
        if (ttl != null) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        return descriptor;
    }
}

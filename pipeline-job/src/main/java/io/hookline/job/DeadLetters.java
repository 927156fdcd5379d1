package io.hookline.job;

import io.hookline.model.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side output every operator sends unusable records to, with the reason. */
final class DeadLetters {
    static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private DeadLetters() {}

    static DeadLetter of(String matchId, String origin, long sequence, String reason, String raw) {
        return DeadLetter.newBuilder()
                .setMatchId(matchId)
                .setOrigin(origin)
                .setSequence(sequence)
                .setReason(reason)
                .setRaw(raw)
                .build();
    }
}

package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What a person's decision names (approve, reject, resend, confirm): a clip, on one destination or on all, who
 * decides, and the ledger; and the records it applies to, waiting for approval or, with a post that may have
 * gone through, for a check of the channel.
 */
final class PublishDecision {

    @Parameters(index = "0", paramLabel = "CLIP", description = "The clip id.")
    String clipId;

    @Option(names = "--destination", paramLabel = "NAME", description = "Only on this destination (default: all).")
    String destination;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the user name).")
    String by;

    @Mixin
    PublishLedgers ledgers;

    PublishLedger openLedger() {
        return ledgers.open(null);
    }

    List<PublishRecord> waiting(PublishLedger ledger) {
        return in(PublishState.AWAITING_APPROVAL, "nothing waits for approval", ledger);
    }

    List<PublishRecord> uncertain(PublishLedger ledger) {
        return in(PublishState.UNCERTAIN, "no post is uncertain", ledger);
    }

    String person() {
        return by != null ? by : System.getProperty("user.name", "operator");
    }

    private List<PublishRecord> in(PublishState state, String none, PublishLedger ledger) {
        List<PublishRecord> records = ledger.byState(state).stream()
                .filter(r -> r.key().clipId().equals(clipId))
                .filter(r -> destination == null || r.key().destination().equals(destination))
                .toList();
        if (records.isEmpty()) {
            throw new IllegalArgumentException("CLIP " + clipId + (destination == null ? "" : " on " + destination)
                    + ": " + none + "; see ./hookline publish status");
        }
        return records;
    }
}

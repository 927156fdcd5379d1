package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./hookline publish reject CLIP --reason TEXT}: a waiting clip is never posted. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Rejects a clip that waits for approval, with the reason; it is never posted.")
final class PublishRejectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLIP", description = "The clip id.")
    String clipId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the ledger.")
    String reason;

    @Option(names = "--destination", paramLabel = "NAME", description = "Only on this destination (default: all).")
    String destination;

    @Option(names = "--by", paramLabel = "NAME", description = "Who rejects (default: the user name).")
    String by;

    @Mixin
    PublishLedgers ledgers;

    @Override
    public Integer call() {
        try (PublishLedger ledger = ledgers.open(null)) {
            for (PublishRecord r : PublishDecision.waiting(ledger, clipId, destination)) {
                ledger.reject(r.key(), r.version(), PublishDecision.person(by), reason);
                spec.commandLine().getOut().println("rejected " + r.key());
            }
        }
        return ExitCodes.OK;
    }
}

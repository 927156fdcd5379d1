package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish reject CLIP --reason TEXT}: a waiting clip is never posted. */
@Command(
        name = "reject",
        mixinStandardHelpOptions = true,
        description = "Rejects a clip that waits for approval, with the reason; it is never posted.")
final class PublishRejectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the ledger.")
    String reason;

    @Mixin
    PublishDecision decision;

    @Override
    public Integer call() {
        try (PublishLedger ledger = decision.openLedger()) {
            for (PublishRecord r : decision.waiting(ledger)) {
                ledger.reject(r.key(), r.version(), decision.person(), reason);
                spec.commandLine().getOut().println("rejected " + r.key());
            }
        }
        return ExitCodes.OK;
    }
}

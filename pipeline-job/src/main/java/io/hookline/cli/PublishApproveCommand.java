package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish approve CLIP}: lets a waiting clip go out on the next publish run. */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = "Approves a clip that waits for approval; the next publish run posts it.")
final class PublishApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PublishDecision decision;

    @Override
    public Integer call() {
        try (PublishLedger ledger = decision.openLedger()) {
            for (PublishRecord r : decision.waiting(ledger)) {
                ledger.approve(r.key(), r.version(), decision.person());
                spec.commandLine().getOut().println("approved " + r.key());
            }
        }
        return ExitCodes.OK;
    }
}

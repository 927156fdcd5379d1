package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish resend CLIP}: an uncertain post was not made after all; send it again. */
@Command(
        name = "resend",
        mixinStandardHelpOptions = true,
        description = "For a clip whose post is UNCERTAIN (its answer was lost, the platform cannot be asked),"
                + " once you found no such post on the channel: the next publish run sends it again.")
final class PublishResendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PublishDecision decision;

    @Override
    public Integer call() {
        try (PublishLedger ledger = decision.openLedger()) {
            for (PublishRecord r : decision.uncertain(ledger)) {
                ledger.resend(r.key(), r.version(), decision.person());
                spec.commandLine().getOut().println("to send again " + r.key());
            }
        }
        return ExitCodes.OK;
    }
}

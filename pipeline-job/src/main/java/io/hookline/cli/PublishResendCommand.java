package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish resend CLIP}: an uncertain post was not made after all; send it again. */
@Command(name = "resend", mixinStandardHelpOptions = true,
        description = "For a clip whose post is UNCERTAIN (its answer was lost, the platform cannot be asked),"
                + " once you found no such post on the channel: the next publish run sends it again.")
final class PublishResendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLIP", description = "The clip id.")
    String clipId;

    @Option(names = "--destination", paramLabel = "NAME", description = "Only on this destination (default: all).")
    String destination;

    @Option(names = "--by", paramLabel = "NAME", description = "Who checked (default: the user name).")
    String by;

    @Mixin
    PublishLedgers ledgers;

    @Override
    public Integer call() {
        try (PublishLedger ledger = ledgers.open(null)) {
            for (PublishRecord r : PublishDecision.uncertain(ledger, clipId, destination)) {
                ledger.resend(r.key(), r.version(), PublishDecision.person(by));
                spec.commandLine().getOut().println("to send again " + r.key());
            }
        }
        return ExitCodes.OK;
    }
}

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

/** {@code ./hookline publish approve CLIP}: lets a waiting clip go out on the next publish run. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approves a clip that waits for approval; the next publish run posts it.")
final class PublishApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLIP", description = "The clip id.")
    String clipId;

    @Option(names = "--destination", paramLabel = "NAME", description = "Only on this destination (default: all).")
    String destination;

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves (default: the user name).")
    String by;

    @Mixin
    PublishLedgers ledgers;

    @Override
    public Integer call() {
        try (PublishLedger ledger = ledgers.open(null)) {
            for (PublishRecord r : PublishDecision.waiting(ledger, clipId, destination)) {
                ledger.approve(r.key(), r.version(), PublishDecision.person(by));
                spec.commandLine().getOut().println("approved " + r.key());
            }
        }
        return ExitCodes.OK;
    }
}

package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish confirm CLIP URL}: an uncertain post was made; record it as posted. */
@Command(
        name = "confirm",
        mixinStandardHelpOptions = true,
        description = "For a clip whose post is UNCERTAIN, once you found the post on the channel: records it as"
                + " POSTED with its address, and it is never sent again.")
final class PublishConfirmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "URL",
            description = "The post's address (none for a WhatsApp alert).")
    String url = "";

    @Mixin
    PublishDecision decision;

    @Override
    public Integer call() {
        try (PublishLedger ledger = decision.openLedger()) {
            List<PublishRecord> uncertain = decision.uncertain(ledger);
            if (uncertain.size() > 1) {
                throw new IllegalArgumentException("CLIP " + decision.clipId + " is uncertain on "
                        + uncertain.stream().map(r -> r.key().destination()).toList()
                        + ": name the one the post is on with --destination");
            }
            PublishRecord r = uncertain.get(0);
            PublishRecord confirmed = ledger.confirm(r.key(), r.version(), decision.person(), url);
            // POSTED, or PROCESSING when the confirmed call was one of several and the rest go out next run
            spec.commandLine().getOut().println(confirmed.state() + " " + r.key() + (url.isEmpty() ? "" : " " + url));
        }
        return ExitCodes.OK;
    }
}

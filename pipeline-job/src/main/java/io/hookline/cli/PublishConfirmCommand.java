package io.hookline.cli;

import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish confirm CLIP URL}: an uncertain post was made; record it as posted. */
@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = "For a clip whose post is UNCERTAIN, once you found the post on the channel: records it as"
                + " POSTED with its address, and it is never sent again.")
final class PublishConfirmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLIP", description = "The clip id.")
    String clipId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL",
            description = "The post's address (none for a WhatsApp alert).")
    String url = "";

    @Option(names = "--destination", paramLabel = "NAME",
            description = "The destination, when the clip is uncertain on more than one.")
    String destination;

    @Option(names = "--by", paramLabel = "NAME", description = "Who checked (default: the user name).")
    String by;

    @Mixin
    PublishLedgers ledgers;

    @Override
    public Integer call() {
        try (PublishLedger ledger = ledgers.open(null)) {
            List<PublishRecord> uncertain = PublishDecision.uncertain(ledger, clipId, destination);
            if (uncertain.size() > 1) {
                throw new IllegalArgumentException("CLIP " + clipId + " is uncertain on "
                        + uncertain.stream().map(r -> r.key().destination()).toList()
                        + ": name the one the post is on with --destination");
            }
            PublishRecord r = uncertain.get(0);
            ledger.confirm(r.key(), r.version(), PublishDecision.person(by), url);
            spec.commandLine().getOut().println("posted " + r.key() + (url.isEmpty() ? "" : " " + url));
        }
        return ExitCodes.OK;
    }
}

package io.hookline.cli;

import io.hookline.publish.MatchClips;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish status [OUT/<matchId>]}: what the ledger says about each post. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Lists the publish ledger's records (of one match, or all), best rank first.")
final class PublishStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "OUT/MATCH", description = "Only this match.")
    Path matchDir;

    @Mixin
    PublishLedgers ledgers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<PublishRecord> records = new ArrayList<>();
        Path outDir =
                matchDir == null ? null : matchDir.toAbsolutePath().normalize().getParent();
        try (PublishLedger ledger = ledgers.open(outDir)) {
            if (matchDir != null) {
                records.addAll(ledger.byMatch(MatchClips.read(matchDir).matchId()));
            } else {
                for (PublishState state : PublishState.values()) {
                    records.addAll(ledger.byState(state));
                }
            }
        }
        for (PublishRecord r : records) {
            out.printf("#%-3d %-17s %s %s%n", r.rank(), r.state(), r.key(), detail(r));
        }
        out.printf(
                "%d record(s): %s%n",
                records.size(),
                counts(records.stream().map(r -> r.state().name()).toList()));
        return ExitCodes.OK;
    }

    private static String detail(PublishRecord r) {
        return switch (r.state()) {
            case POSTED -> r.postId() + (r.postUrl() == null || r.postUrl().isEmpty() ? "" : " " + r.postUrl());
            case FAILED, REJECTED -> r.reason();
            case SKIPPED -> r.reason() + (r.reopensAt() == null ? "" : "; reopens at " + r.reopensAt());
            case UPLOADING -> "at byte " + r.uploadProgress();
            case PROCESSING -> "as " + r.remoteId();
            case PUBLISHING -> "post call sent as " + r.remoteId();
            case UNCERTAIN -> r.reason();
            case PLANNED, AWAITING_APPROVAL -> r.decidedBy() == null ? "" : "approved by " + r.decidedBy();
        };
    }

    /** "3 POSTED, 1 SKIPPED", in name order. */
    static String counts(List<String> names) {
        Map<String, Long> counts =
                new TreeMap<>(names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())));
        return counts.isEmpty()
                ? "none"
                : counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "));
    }
}

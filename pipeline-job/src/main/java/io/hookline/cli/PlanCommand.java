package io.hookline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hookline plan}: the ranked plan of a match, without rendering. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints the ranked plan of a match (clips, renditions, scores and why) without rendering,"
                + " and writes it to OUT/<matchId>/plan.json.")
final class PlanCommand implements Callable<Integer> {
    @Option(names = "--events", required = true, description = "Event feed: Avro file of MatchEvent records, or JSON Lines.")
    Path events;

    @Option(names = "--video", required = true, description = "The match video (a local file); it is measured, not rendered.")
    String video;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return new MatchRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(options.toConfiguration(events, video), options.out, true);
    }
}

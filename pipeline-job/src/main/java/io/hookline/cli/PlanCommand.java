package io.hookline.cli;

import io.hookline.job.JobOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hookline plan}: the ranked plan of a match, without rendering. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Prints the ranked plan of a match (clips, renditions, scores and why) without rendering,"
                + " and writes it to OUT/<matchId>/plan.json.")
final class PlanCommand implements Callable<Integer>, RunsTheJob {
    final RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void addJobFlags(CommandSpec command) {
        options.addFlags(
                command, List.of(JobOptions.EVENTS, JobOptions.VIDEO), Set.of(JobOptions.EVENTS, JobOptions.VIDEO));
    }

    @Override
    public Integer call() throws Exception {
        return new MatchRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(options.toConfiguration(), options.out(), true);
    }
}

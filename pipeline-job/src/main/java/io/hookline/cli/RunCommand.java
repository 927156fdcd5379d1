package io.hookline.cli;

import io.hookline.job.JobOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hookline run}: one match from its feed file and video, or live matches from Kafka. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the job on a match's event feed and video, on the embedded Flink MiniCluster.",
            "With --bootstrap instead of --events it runs live: it reads matches from Kafka (see submit),"
                    + " checkpoints, and publishes every clip to the clips topic, until you stop it."
        })
final class RunCommand implements Callable<Integer>, RunsTheJob {
    final RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void addJobFlags(CommandSpec command) {
        options.addFlags(
                command,
                List.of(
                        JobOptions.EVENTS,
                        JobOptions.VIDEO,
                        JobOptions.KAFKA_BOOTSTRAP,
                        JobOptions.EVENTS_TOPIC,
                        JobOptions.CLIPS_TOPIC,
                        JobOptions.CHECKPOINTS),
                Set.of());
    }

    @Override
    public Integer call() throws Exception {
        boolean live = options.get(JobOptions.KAFKA_BOOTSTRAP) != null;
        if ((options.get(JobOptions.EVENTS) == null) != live) {
            spec.commandLine()
                    .getErr()
                    .println("error: give --events FILE for a finished match, or --bootstrap HOST:PORT for live ones");
            return ExitCodes.USAGE;
        }
        if (!live && options.get(JobOptions.VIDEO) == null) {
            spec.commandLine()
                    .getErr()
                    .println("error: --video is required with --events (the video of the match in" + " the feed)");
            return ExitCodes.USAGE;
        }
        if (live) {
            options.setIfAbsent(JobOptions.CHECKPOINTS, defaultCheckpoints());
        }
        return new MatchRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(options.toConfiguration(), options.out());
    }

    /** Next to the clips when they are on local disk; S3 checkpoints need Flink's S3 plugin, so say so. */
    private String defaultCheckpoints() {
        if (options.onS3()) {
            throw new IllegalArgumentException("with --out on S3, give --checkpoints a directory (file:///...)");
        }
        return Path.of(options.out(), "_checkpoints").toAbsolutePath().toUri().toString();
    }
}

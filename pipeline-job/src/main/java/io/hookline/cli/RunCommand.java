package io.hookline.cli;

import io.hookline.job.JobOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hookline run}: one match from its feed file and video, or live matches from Kafka. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the job on a match's event feed and video, on the embedded Flink MiniCluster.",
                "With --bootstrap instead of --events it runs live: it reads matches from Kafka (see submit),"
                        + " checkpoints, and publishes every clip to the clips topic, until you stop it."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--events", description = "Event feed: Avro file of MatchEvent records, or JSON Lines.")
    Path events;

    @Option(names = "--video", description = {"The match video: a local file or s3://bucket/key. Required with --events;"
            + " live, the default for matches whose descriptor names no video (video:)."})
    String video;

    @Option(names = "--bootstrap", description = "Kafka (host:port) to read live match events from, instead of --events.")
    String bootstrap;

    @Option(names = "--events-topic", defaultValue = "hookline.events",
            description = "Topic of the live match events (default: ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Option(names = "--clips-topic", defaultValue = "hookline.clips",
            description = "Topic every rendered clip is published to (default: ${DEFAULT-VALUE}).")
    String clipsTopic;

    @Option(names = "--checkpoints", description = "Checkpoint directory of a live run (default: OUT/_checkpoints).")
    String checkpoints;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((events == null) == (bootstrap == null)) {
            spec.commandLine().getErr().println(
                    "error: give --events FILE for a finished match, or --bootstrap HOST:PORT for live ones");
            return ExitCodes.USAGE;
        }
        if (events != null && video == null) {
            spec.commandLine().getErr().println("error: --video is required with --events (the video of the match in"
                    + " the feed)");
            return ExitCodes.USAGE;
        }
        Configuration conf = options.toConfiguration(events, video);
        if (bootstrap != null) {
            conf.set(JobOptions.KAFKA_BOOTSTRAP, bootstrap);
            conf.set(JobOptions.EVENTS_TOPIC, eventsTopic);
            conf.set(JobOptions.CLIPS_TOPIC, clipsTopic);
            conf.set(JobOptions.CHECKPOINTS, checkpoints != null ? checkpoints : defaultCheckpoints());
        }
        return new MatchRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(conf, options.out);
    }

    /** Next to the clips when they are on local disk; S3 checkpoints need Flink's S3 plugin, so say so. */
    private String defaultCheckpoints() {
        if (options.onS3()) {
            throw new IllegalArgumentException("with --out on S3, give --checkpoints a directory (file:///...)");
        }
        return Path.of(options.out, "_checkpoints").toAbsolutePath().toUri().toString();
    }
}

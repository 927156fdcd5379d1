package io.hookline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./hookline run}: one match from its feed and video. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the job on a match's event feed and video, on the embedded Flink MiniCluster.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--events", required = true, description = "Event feed: Avro file of MatchEvent records, or JSON Lines.")
    Path events;

    @Option(names = "--video", required = true, description = "The match video (a local file).")
    String video;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        return new MatchRunner(System.out, System.err).run(options.toConfiguration(events, video), options.out);
    }
}

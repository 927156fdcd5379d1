package io.hookline.cli;

import io.hookline.sample.SampleMatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hookline demo}: generates a sample match and turns it into clips. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a sample match (3 min 10 s of 1280x720 50 fps video with stereo sound, and its"
                + " event feed) and turns it into clips on the embedded Flink MiniCluster: youtube-landscape,"
                + " instagram-reels and whatsapp renditions unless --renditions says otherwise.")
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE_DIR = "sample-match";
    /** One of each shape (landscape, vertical, messaging), so the demo stays a few minutes on a laptop. */
    static final List<String> DEMO_RENDITIONS = List.of("youtube-landscape", "instagram-reels", "whatsapp");

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (options.onS3()) {
            System.err.println("error: the demo generates its sample match on local disk; give --out a directory");
            return ExitCodes.USAGE;
        }
        if (options.renditions == null) {
            options.renditions = DEMO_RENDITIONS;
        }
        Path sample = Path.of(options.out).resolve(SAMPLE_DIR);
        if (SampleMatch.isWritten(sample, SampleMatch.DURATION_MS)) {
            System.out.println("Sample match already generated in " + sample.toAbsolutePath());
        } else {
            System.out.println("Generating the sample match in " + sample.toAbsolutePath() + " ...");
            Instant start = Instant.now();
            SampleMatch.Written written = SampleMatch.write(sample);
            System.out.printf("Generated %d events and %d s of video in %d s.%n", written.eventCount(),
                    written.durationMs() / 1000, Duration.between(start, Instant.now()).toSeconds());
        }
        return new MatchRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(
                options.toConfiguration(sample.resolve(SampleMatch.AVRO_FILE),
                        sample.resolve(SampleMatch.VIDEO_FILE).toString()),
                options.out);
    }
}

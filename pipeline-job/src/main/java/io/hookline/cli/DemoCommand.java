package io.hookline.cli;

import io.hookline.demo.LiveRun;
import io.hookline.demo.LiveScript;
import io.hookline.job.JobOptions;
import io.hookline.sample.SampleMatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hookline demo}: generates a sample match and turns it into clips, after the fact or live. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a sample match (3 min 10 s of 1280x720 50 fps video with stereo sound, and its"
                    + " event feed) and turns it into clips on the embedded Flink MiniCluster: youtube-landscape,"
                    + " instagram-reels and whatsapp renditions unless --renditions says otherwise.",
            "With --live it runs the match live instead: it plays the video out in real time as a growing HLS"
                    + " playlist under OUT/live/<matchId>/, publishes each event when it happens to a Kafka broker"
                    + " started in this process, runs the live job, and prints each clip as it lands on the clips"
                    + " topic with its latency (from the video covering the play to the clip committed to the"
                    + " topic). It stops by itself once every match's final manifest is written, with a summary"
                    + " of the latencies; Ctrl-C stops it earlier. --matches N runs N copies of the match"
                    + " (sample-match, sample-match-2, ...), each starting --stagger seconds after the one before."
        })
final class DemoCommand implements Callable<Integer>, RunsTheJob {
    static final String SAMPLE_DIR = "sample-match";
    /** One of each shape (landscape, vertical, messaging), so the demo stays a few minutes on a laptop. */
    static final List<String> DEMO_RENDITIONS = List.of("youtube-landscape", "instagram-reels", "whatsapp");

    final RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void addJobFlags(CommandSpec command) {
        options.addFlags(command, List.of(), Set.of());
    }

    @Option(names = "--live", description = "Run the match live: HLS playout, events on Kafka, clips as they land.")
    boolean live;

    @Option(
            names = "--matches",
            defaultValue = "1",
            description = "With --live: how many copies of the match to run at once (default: ${DEFAULT-VALUE}).")
    int matches;

    @Option(
            names = "--publish",
            description = "After the run, publish the clips to the shipped destinations,"
                    + " each pointed at its platform's emulator started in this process (demo credentials, never real"
                    + " ones), and print each post's URL and the emulators' post counts.")
    boolean publish;

    @Option(
            names = "--stagger",
            defaultValue = "20",
            description = "With --live: seconds between the starts of two matches (default: ${DEFAULT-VALUE}).")
    int staggerSeconds;

    @Override
    public Integer call() throws Exception {
        if (options.onS3()) {
            System.err.println("error: the demo generates its sample match on local disk; give --out a directory");
            return ExitCodes.USAGE;
        }
        if (live && publish) {
            System.err.println("error: --publish publishes a finished match; it does not go with --live");
            return ExitCodes.USAGE;
        }
        if (matches < 1 || staggerSeconds < 0) {
            System.err.println("error: --matches must be at least 1 and --stagger at least 0");
            return ExitCodes.USAGE;
        }
        options.setIfAbsent(JobOptions.RENDITIONS, DEMO_RENDITIONS);
        Path sample = Path.of(options.out()).resolve(SAMPLE_DIR);
        generate(sample);
        if (live) {
            return new LiveDemo(spec.commandLine().getOut())
                    .run(new LiveRun.Settings(
                            Path.of(options.out()).toAbsolutePath(),
                            LiveScript.sample(sample),
                            LiveScript.ids(LiveScript.SAMPLE_ID, matches),
                            Duration.ofSeconds(staggerSeconds),
                            1.0,
                            options.toConfiguration()));
        }
        Configuration conf = options.toConfiguration();
        conf.set(
                JobOptions.EVENTS,
                sample.resolve(SampleMatch.AVRO_FILE).toAbsolutePath().toString());
        conf.set(JobOptions.VIDEO, sample.resolve(SampleMatch.VIDEO_FILE).toString());
        int exit =
                new MatchRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(conf, options.out());
        if (!publish || exit != ExitCodes.OK && exit != ExitCodes.PARTIAL) {
            return exit;
        }
        int published = new DemoPublish(spec.commandLine().getOut())
                .run(
                        Path.of(options.out()).resolve(SampleMatch.MATCH_ID),
                        ProfileSource.of(options.profiles()).loadWithDestinations());
        return Math.max(exit, published);
    }

    private static void generate(Path sample) throws IOException {
        if (SampleMatch.isWritten(sample, SampleMatch.DURATION_MS)) {
            System.out.println("Sample match already generated in " + sample.toAbsolutePath());
            return;
        }
        System.out.println("Generating the sample match in " + sample.toAbsolutePath() + " ...");
        Instant start = Instant.now();
        SampleMatch.Written written = SampleMatch.write(sample);
        System.out.printf(
                "Generated %d events and %d s of video in %d s.%n",
                written.eventCount(),
                written.durationMs() / 1000,
                Duration.between(start, Instant.now()).toSeconds());
    }
}

package io.hookline.cli;

import io.hookline.bench.Bench;
import io.hookline.bench.LiveBench;
import io.hookline.job.JobOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./hookline bench}: how fast Hookline renders, against a script that runs ffmpeg once per file. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a standard synthetic match (1080p50, stereo; 3 min 10 s, or 1 min with --quick),"
                    + " renders its clips in every rendition with Hookline and with a naive baseline (one ffmpeg process"
                    + " per clip per rendition, with the same settings), measures the encode-only lower bound, compares"
                    + " the two with SSIM, and prints medians over several runs; the figures also go to DIR/bench.json.",
            "With --live it measures live latency instead: it runs ./hookline demo --live's set-up (the sample"
                    + " match played out in real time as HLS, its events on an embedded Kafka broker, the live"
                    + " job, the youtube-landscape, instagram-reels and whatsapp renditions) and times every"
                    + " play clip from the video covering it to its first rendition on disk, to all its"
                    + " renditions, and to its record on the clips topic; with the render backlog, CPU time and"
                    + " peak memory, as medians over --runs runs, in DIR/bench-live.json."
        })
final class BenchCommand implements Callable<Integer> {
    /** As ./hookline demo --live staggers its matches. */
    private static final Duration LIVE_STAGGER = Duration.ofSeconds(20);

    @Option(
            names = "--out",
            defaultValue = "hookline-out/bench",
            description = "Where the match, the renders and bench.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--profiles",
            description = "The clip-profiles directory to render with (default: the checkout's clip-profiles/).")
    Path profiles;

    @Option(names = "--quick", description = "A 1-minute match and one run, to try the benchmark out.")
    boolean quick;

    @Option(names = "--runs", description = "Runs to take medians over (default: 3, or 1 with --quick).")
    Integer runs;

    @Option(names = "--parallelism", description = "Hookline's Flink parallelism (default: as ./hookline run's).")
    Integer parallelism;

    @Option(names = "--processes", description = "Baseline ffmpeg processes at once (default: the number of cores).")
    Integer processes;

    @Option(
            names = "--ways",
            description =
                    "Also run Hookline once without each of its savings (segment reuse,"
                            + " render lanes, single-threaded encoders) and at twice its parallelism, to show what each is worth.")
    boolean ways;

    @Option(names = "--keep", description = "Keep the first run's renditions (gigabytes) under DIR/runs.")
    boolean keep;

    @Option(names = "--live", description = "Measure live latency (see above) instead of render throughput.")
    boolean live;

    @Option(
            names = "--matches",
            defaultValue = "1",
            description = "With --live: concurrent sample matches, 20 s apart (default: ${DEFAULT-VALUE}).")
    int matches;

    @Option(names = "--draft", description = "With --live: render the draft renditions (reduced size, fastest preset).")
    boolean draft;

    @Option(
            names = "--spread",
            defaultValue = "1",
            description = "With --live: make the quiet time between the sample's plays this many times as long"
                    + " (default: ${DEFAULT-VALUE}, the sample's condensed pace of a play every 12 s or so).")
    double spread;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        if ((runs != null && runs < 1)
                || (parallelism != null && parallelism < 1)
                || (processes != null && processes < 1)) {
            System.err.println("error: --runs, --parallelism and --processes must be at least 1");
            return ExitCodes.USAGE;
        }
        Path profileDir;
        try {
            profileDir =
                    profiles != null ? RunOptions.requireProfilesDirectory(profiles) : RunOptions.defaultProfiles();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (live) {
            if (matches < 1) {
                System.err.println("error: --matches must be at least 1");
                return ExitCodes.USAGE;
            }
            if (!(spread >= 1 && spread <= 20)) {
                System.err.println("error: --spread must be from 1 to 20");
                return ExitCodes.USAGE;
            }
            new LiveBench(
                            new LiveBench.Options(
                                    out,
                                    profileDir,
                                    matches,
                                    runs != null ? runs : 3,
                                    draft,
                                    DemoCommand.DEMO_RENDITIONS,
                                    parallelism != null ? parallelism : JobOptions.defaultParallelism(),
                                    LIVE_STAGGER,
                                    spread),
                            System.out)
                    .run();
            return ExitCodes.OK;
        }
        Bench.Options options = new Bench.Options(
                out,
                profileDir,
                quick,
                runs != null ? runs : quick ? 1 : 3,
                parallelism != null ? parallelism : JobOptions.defaultParallelism(),
                processes != null ? processes : cores,
                ways,
                keep);
        new Bench(options, System.out).run();
        return ExitCodes.OK;
    }
}

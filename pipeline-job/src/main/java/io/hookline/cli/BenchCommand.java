package io.hookline.cli;

import io.hookline.bench.Bench;
import io.hookline.job.JobOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./hookline bench}: how fast Hookline renders, against a script that runs ffmpeg once per file. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generates a standard synthetic match (1080p50, stereo; 3 min 10 s, or 1 min with --quick),"
                + " renders its clips in every rendition with Hookline and with a naive baseline (one ffmpeg process"
                + " per clip per rendition, with the same settings), measures the encode-only lower bound, compares"
                + " the two with SSIM, and prints medians over several runs; the figures also go to DIR/bench.json.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "hookline-out/bench",
            description = "Where the match, the renders and bench.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "A 1-minute match and one run, to try the benchmark out.")
    boolean quick;

    @Option(names = "--runs", description = "Runs to take medians over (default: 3, or 1 with --quick).")
    Integer runs;

    @Option(names = "--parallelism", description = "Hookline's Flink parallelism (default: as ./hookline run's).")
    Integer parallelism;

    @Option(names = "--processes", description = "Baseline ffmpeg processes at once (default: the number of cores).")
    Integer processes;

    @Option(names = "--ways", description = "Also run Hookline once without each of its savings (segment reuse,"
            + " render lanes, single-threaded encoders) and at twice its parallelism, to show what each is worth.")
    boolean ways;

    @Option(names = "--keep", description = "Keep the first run's renditions (gigabytes) under DIR/runs.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        if ((runs != null && runs < 1) || (parallelism != null && parallelism < 1) || (processes != null && processes < 1)) {
            System.err.println("error: --runs, --parallelism and --processes must be at least 1");
            return ExitCodes.USAGE;
        }
        Bench.Options options = new Bench.Options(out, RunOptions.defaultProfiles(), quick,
                runs != null ? runs : quick ? 1 : 3,
                parallelism != null ? parallelism : JobOptions.defaultParallelism(),
                processes != null ? processes : cores, ways, keep);
        new Bench(options, System.out).run();
        return ExitCodes.OK;
    }
}

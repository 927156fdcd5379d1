package io.hookline.cli;

import io.hookline.job.JobOptions;
import io.hookline.job.JobSetup;
import io.hookline.profiles.ProfileException;
import io.hookline.render.media.SourceInfo;
import io.hookline.storage.s3.S3Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/** Runs a match on the embedded MiniCluster, shows progress while it works, and ends with a summary. */
final class MatchRunner {
    /** Where the launcher tells the CLI this run's log goes. */
    static final String LOG_FILE_PROPERTY = "hookline.log.file";

    private final PrintWriter out;
    private final PrintWriter err;

    MatchRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** @param outDir the output directory, or an s3:// location */
    int run(Configuration conf, String outDir) throws Exception {
        return run(conf, outDir, false);
    }

    /** @param planOnly plan without rendering, and print the ranked plan */
    int run(Configuration conf, String outDir, boolean planOnly) throws Exception {
        Instant started = Instant.now();
        Optional<String> problem = Preflight.problem(conf);
        if (problem.isPresent()) {
            err.println("error: " + problem.get());
            return ExitCodes.USAGE;
        }
        if (S3Location.isS3(outDir)) {
            return runWith(conf, outDir, planOnly, started);
        }
        StringBuilder holder = new StringBuilder();
        Optional<OutputLock> lock = OutputLock.take(Path.of(outDir), holder);
        if (lock.isEmpty()) {
            err.println("error: another run is writing into " + outDir + " (" + holder
                    + "); wait for it to finish, or choose another --out");
            return ExitCodes.USAGE;
        }
        try (OutputLock held = lock.get()) {
            int leftovers = LeftoverTempFiles.remove(Path.of(outDir));
            if (leftovers > 0) {
                out.println("Removed " + leftovers + " half-written file(s) an earlier run left in " + outDir);
            }
            return runWith(conf, outDir, planOnly, started);
        }
    }

    private int runWith(Configuration conf, String outDir, boolean planOnly, Instant started) throws Exception {
        String feed = conf.get(JobOptions.EVENTS);
        JobSetup setup;
        try {
            setup = JobSetup.prepare(conf);
        } catch (ProfileException e) {
            // One line per problem, each starting with its file:line:column.
            ProfileSource source = new ProfileSource(
                    conf.getOptional(JobOptions.PROFILES).map(Path::of).orElse(null));
            e.problems().forEach(p -> err.println("error: " + source.format(p)));
            err.println(e.problems().size() + " problem(s) in " + source.describe());
            return ExitCodes.USAGE;
        }
        out.println("Feed     "
                + (feed != null
                        ? feed
                        : "Kafka " + conf.get(JobOptions.KAFKA_BOOTSTRAP) + ", topic "
                                + conf.get(JobOptions.EVENTS_TOPIC) + " (live: runs until stopped; clips go to topic "
                                + conf.get(JobOptions.CLIPS_TOPIC) + ")"));
        out.println("Video    "
                + (conf.get(JobOptions.VIDEO) != null
                        ? conf.get(JobOptions.VIDEO) + describe(setup.video())
                        : "each match's own, named in its descriptor (video:)"));
        out.println("Profiles version " + setup.profiles().version() + ": "
                + String.join(", ", setup.profiles().renditionNames())
                + (conf.get(JobOptions.DRAFT) ? " (draft)" : ""));
        if (setup.videoProblem() != null) {
            err.println("warning: " + setup.videoProblem()
                    + ". Every clip will be marked failed; the plan and the dead letters are still written.");
        } else if (setup.video() != null && !setup.video().hasAudio()) {
            err.println("warning: " + conf.get(JobOptions.VIDEO) + " has no audio stream: the clips will be silent.");
        }
        if (setup.sharedVideoWarning() != null) {
            err.println("warning: " + setup.sharedVideoWarning());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(setup.flinkConfig());
        if (planOnly) {
            setup.job().buildPlanOnly(env);
        } else {
            setup.job().build(env);
        }
        JobClient client =
                env.executeAsync("hookline " + (feed != null ? Path.of(feed).getFileName() : "live"));
        ProgressLine progress = new ProgressLine(out, started);
        CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
        while (!result.isDone()) {
            try {
                result.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                progress.show(accumulators(client));
            } catch (ExecutionException e) {
                break;
            }
        }
        try {
            JobExecutionResult done = result.get();
            progress.finish(done.getAllAccumulatorResults());
        } catch (ExecutionException e) {
            progress.finish(Map.of());
            String cause = rootCause(e);
            Optional<String> disk =
                    S3Location.isS3(outDir) ? Optional.empty() : FullDisk.describe(cause, Path.of(outDir));
            err.println("error: the job failed: "
                    + disk.map(d -> d + " (" + cause + ")").orElse(cause));
            String log = System.getProperty(LOG_FILE_PROPERTY);
            if (log != null) {
                err.println("The whole log of this run: " + log);
            }
            return ExitCodes.PARTIAL;
        }
        if (S3Location.isS3(outDir)) {
            out.printf(
                    "%nDone in %ds. Manifests and clips are in %s/<matchId>/%n",
                    Duration.between(started, Instant.now()).toSeconds(), outDir);
            return setup.videoProblem() == null ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
        if (planOnly) {
            int planned = new PlanTable(out).print(Path.of(outDir), started, Duration.between(started, Instant.now()));
            int unwritten = new UnwrittenMatches(err).print(Path.of(outDir), started);
            int letters = new DeadLetterNotice(err).print(Path.of(outDir), started);
            return letters == 0 && unwritten == 0 ? planned : ExitCodes.PARTIAL;
        }
        Summary summary = new Summary(out);
        int problems = summary.print(Path.of(outDir), started, Duration.between(started, Instant.now()));
        problems += new UnwrittenMatches(err).print(Path.of(outDir), started);
        fullDisk(summary.failures(), Path.of(outDir)).ifPresent(err::println);
        new DeadLetterNotice(err).print(Path.of(outDir), started);
        return problems == 0 && setup.videoProblem() == null ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** One error line when renditions failed because the output disk filled up: ops must free space first. */
    private static Optional<String> fullDisk(Map<String, Integer> failures, Path outDir) {
        int failed = 0;
        Optional<String> disk = Optional.empty();
        for (Map.Entry<String, Integer> f : failures.entrySet()) {
            Optional<String> full = FullDisk.describe(f.getKey(), outDir);
            if (full.isPresent()) {
                disk = full;
                failed += f.getValue();
            }
        }
        int count = failed;
        return disk.map(d -> "error: " + d + "; " + count + " rendition(s) could not be written. Free some space and"
                + " run the match again.");
    }

    /** The innermost cause, which names what went wrong; Flink's own wrappers only say that the job failed. */
    static String rootCause(Throwable e) {
        Throwable root = ExceptionUtils.stripExecutionException(e);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        // A file system error's message is often the path alone: its kind says what happened to it.
        return root instanceof IOException ? root.getClass().getSimpleName() + ": " + message : message;
    }

    private static Map<String, Object> accumulators(JobClient client) {
        try {
            return client.getAccumulators().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Between job stages the accumulators may be unavailable for a moment; try again next tick.
            return Map.of();
        }
    }

    private static String describe(SourceInfo v) {
        if (v == null) {
            return "";
        }
        long s = v.durationMs() / 1000;
        return String.format(
                " (%dx%d, %.2f fps, %d:%02d, %s, %s)",
                v.width(),
                v.height(),
                v.fps(),
                s / 60,
                s % 60,
                v.videoCodec(),
                v.hasAudio() ? v.audioChannels() + "-channel audio" : "no audio");
    }
}

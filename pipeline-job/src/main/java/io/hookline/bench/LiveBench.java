package io.hookline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.demo.LiveRun;
import io.hookline.demo.LiveScript;
import io.hookline.demo.MatchOutput;
import io.hookline.job.JobOptions;
import io.hookline.render.ClipKeys;
import io.hookline.sample.SampleMatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;

/**
 * {@code ./hookline bench --live}: runs the embedded live set-up ({@link LiveRun}) on the sample match several
 * times and measures, for every play clip, how long after the video covered it its first rendition, all its
 * renditions and its record on the clips topic were committed; plus the render backlog, the CPU time and the
 * peak memory. Each run starts from empty output directories, so no run reuses another's encoded segments.
 */
public final class LiveBench {
    /** After the last match's video ends: time for its last clips and compilations. */
    private static final Duration TAIL = Duration.ofMinutes(10);

    /**
     * @param dir where the sample match, the runs and bench-live.json go
     * @param profiles the clip-profiles directory, or null for the bundled set
     * @param renditions the renditions to render
     * @param parallelism the job's parallelism
     * @param spread how many times as long the quiet time between the sample's plays is (1: as scripted)
     */
    public record Options(
            Path dir,
            Path profiles,
            int matches,
            int runs,
            boolean draft,
            List<String> renditions,
            int parallelism,
            Duration stagger,
            double spread) {}

    private final Options options;
    private final PrintStream out;

    public LiveBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; returns where the report was written. */
    public Path run() throws Exception {
        ZonedDateTime date = ZonedDateTime.now();
        Machine machine = Machine.describe();
        out.print(machine.banner("live latency benchmark", date));
        Path dir = Files.createDirectories(options.dir()).toAbsolutePath();
        double spread = options.spread();
        Path sample = dir.resolve(spread == 1 ? LiveScript.SAMPLE_ID : LiveScript.SAMPLE_ID + "-spread-" + spread);
        if (!SampleMatch.isWrittenSpread(sample, spread)) {
            out.println("Generating the sample match in " + sample + " ...");
            SampleMatch.writeSpread(sample, spread);
        }
        LiveScript script = LiveScript.sample(sample, spread);
        List<String> ids = LiveScript.ids(LiveScript.SAMPLE_ID, options.matches());
        LiveBenchReport report = new LiveBenchReport(date, machine, options, script);
        Path json = dir.resolve("bench-live.json");
        for (int r = 1; r <= options.runs(); r++) {
            out.printf(
                    "Run %d of %d: %d live match%s of %d s%s, %d s apart, renditions %s%s ...%n",
                    r,
                    options.runs(),
                    ids.size(),
                    ids.size() == 1 ? "" : "es",
                    script.durationMs() / 1000,
                    spread == 1 ? "" : " (the quiet between plays " + spread + " times as long)",
                    options.stagger().toSeconds(),
                    String.join(", ", options.renditions()),
                    options.draft() ? " (draft)" : "");
            Path runDir = dir.resolve("live-runs").resolve("run-" + r);
            deleteTree(runDir);
            LiveRunFigures figures =
                    measure(r, new LiveRun.Settings(runDir, script, ids, options.stagger(), 1.0, jobConfiguration()));
            report.add(figures);
            out.println(report.runLine(figures));
            deleteTree(runDir);
            // After every run, so a long benchmark stopped early still leaves the runs it finished.
            report.writeJson(json);
        }
        out.println();
        out.print(report.table());
        out.println("Figures: " + json);
        return json;
    }

    private LiveRunFigures measure(int r, LiveRun.Settings settings) throws Exception {
        List<Path> matchDirs = settings.matchIds().stream()
                .map(id -> settings.out().resolve(ClipKeys.safeMatchDir(id)))
                .toList();
        double loadBefore = Machine.loadAverage()[0];
        boolean peakReset = ProcessUsage.resetPeakRss();
        long cpu = ProcessUsage.ownCpuNanos();
        long start = System.nanoTime();
        Duration timeout = Duration.ofMillis(settings.script().durationMs())
                .plus(settings.stagger().multipliedBy(settings.matchIds().size() - 1))
                .plus(TAIL);
        try (RenditionWatch files = new RenditionWatch(matchDirs);
                LiveRun run = LiveRun.start(settings, clip -> {});
                BacklogSampler backlog = new BacklogSampler(run.job())) {
            if (!run.awaitFinished(timeout)) {
                throw new IllegalStateException(
                        "run " + r + " did not finish within " + timeout.toMinutes() + " minutes");
            }
            Measurement m = new Measurement(
                    (System.nanoTime() - start) / 1e9,
                    (ProcessUsage.ownCpuNanos() - cpu) / 1e9,
                    ProcessUsage.peakRssBytes());
            if (!peakReset) {
                out.println("warning: the kernel cannot reset the peak memory mark: it counts from the start");
            }
            List<LiveClipTiming> timed = new ArrayList<>();
            int plays = 0;
            for (int i = 0; i < matchDirs.size(); i++) {
                JsonNode manifest = MatchOutput.finalManifest(matchDirs.get(i), run.startedAt());
                for (JsonNode clip : manifest.get("clips")) {
                    plays += "play".equals(clip.get("kind").asText()) ? 1 : 0;
                }
                timed.addAll(
                        LiveClipTiming.of(settings.matchIds().get(i), matchDirs.get(i), manifest, run.landed(), files));
            }
            timed.sort(Comparator.comparing(LiveClipTiming::coveredAt));
            return new LiveRunFigures(
                    r, plays, timed, backlog.samples(), backlog.max(), m, loadBefore, Machine.loadAverage()[0]);
        }
    }

    private Configuration jobConfiguration() {
        Configuration conf = new Configuration();
        if (options.profiles() != null) {
            conf.set(JobOptions.PROFILES, options.profiles().toAbsolutePath().toString());
        }
        conf.set(JobOptions.RENDITIONS, options.renditions());
        conf.set(JobOptions.DRAFT, options.draft());
        conf.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        return conf;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

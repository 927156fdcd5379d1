package io.hookline.bench;

import io.hookline.job.JobOptions;
import io.hookline.job.MatchPlans;
import io.hookline.model.ClipPlan;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.render.ClipKeys;
import io.hookline.render.RenderSettings;
import io.hookline.render.RenditionRecipe;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.SourceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;

/**
 * {@code ./hookline bench}: renders a standard synthetic match's clips with Hookline and with the naive
 * one-ffmpeg-per-clip-per-rendition baseline, measures the encoders alone, checks that both look the same, and
 * reports medians over several runs.
 */
public final class Bench {
    /**
     * @param dir where the match, the renders and bench.json go
     * @param profiles the clip-profiles directory, or null for the bundled set
     * @param parallelism Hookline's Flink parallelism
     * @param processes baseline ffmpeg processes at once
     * @param ways also measure Hookline without each of its savings, once each
     * @param keep keep the first run's renditions (they take gigabytes)
     */
    public record Options(
            Path dir,
            Path profiles,
            boolean quick,
            int runs,
            int parallelism,
            int processes,
            boolean ways,
            boolean keep) {}

    /** A variant of Hookline, measured once, to show what one of its choices is worth. */
    record Way(String name, String meaning, Consumer<Configuration> change) {}

    private final Options options;
    private final PrintStream out;

    public Bench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; returns where the report was written. */
    public Path run() throws Exception {
        ZonedDateTime date = ZonedDateTime.now();
        Machine machine = Machine.describe();
        out.print(machine.banner("render benchmark", date));
        Path dir = Files.createDirectories(options.dir()).toAbsolutePath();
        out.println("Preparing the match in " + dir + " ...");
        BenchMatch match = BenchMatch.prepare(dir, options.quick());
        SourceInfo info = SourceReader.probe(match.video().toString());
        ProfileSet profiles =
                options.profiles() == null ? ProfileLoader.loadBundled() : ProfileLoader.load(options.profiles());
        Configuration base = configuration(match);
        // The clips' recipes, which give the baseline's commands their settings.
        RenderSettings settings =
                new RenderSettings(base.get(JobOptions.DECODER_THREADS), Baseline.X264_THREADS, 1, false);

        Path runs = dir.resolve("runs");
        deleteTree(runs);
        List<ClipPlan> plans = MatchPlans.plan(withOut(base, runs.resolve("plan")));
        List<BenchClip> clips = plans.stream()
                .map(p -> new BenchClip(p, RenditionRecipe.forClip(profiles, p, info, settings)))
                .toList();
        BenchReport report = new BenchReport(date, machine, match, info, options, clips);
        out.println(report.describeMatch());

        FfmpegCli ffmpeg = FfmpegCli.extract();
        Baseline baseline = new Baseline(ffmpeg, match.video().toString(), info.fps(), options.processes());
        for (int r = 1; r <= options.runs(); r++) {
            double loadBefore = Machine.loadAverage()[0];
            out.printf("Run %d of %d: Hookline ...%n", r, options.runs());
            Path hooklineOut = runs.resolve("hookline-" + r);
            HooklineRun.Result hookline = HooklineRun.run(withOut(base, hooklineOut), match.matchId());
            out.printf(
                    "Run %d of %d: baseline (%d ffmpeg commands) ...%n",
                    r,
                    options.runs(),
                    clips.stream().mapToInt(c -> c.recipes().size()).sum());
            Path baselineOut = runs.resolve("baseline-" + r);
            Measurement naive = baseline.run(clips, baselineOut);
            out.printf("Run %d of %d: encode-only floor ...%n", r, options.runs());
            EncodeFloor.Result floor = EncodeFloor.measure(clips, match.video().toString());
            RunFigures figures = new RunFigures(
                    r,
                    hookline.measurement(),
                    hookline.segmentsEncoded(),
                    naive,
                    floor,
                    loadBefore,
                    Machine.loadAverage()[0]);
            report.add(figures);
            out.println(report.runLine(figures));
            if (r == 1) {
                out.println("SSIM of every rendition against the baseline's ...");
                Map<String, List<Double>> ssim = SsimCheck.compare(
                        ffmpeg,
                        clips,
                        hooklineOut.resolve(ClipKeys.safeMatchDir(match.matchId())),
                        baselineOut,
                        options.processes());
                report.ssim(ssim);
            }
            if (!(options.keep() && r == 1)) {
                deleteTree(hooklineOut);
                deleteTree(baselineOut);
            }
        }
        if (options.ways()) {
            for (Way way : ways()) {
                out.printf("Hookline %s ...%n", way.meaning());
                Configuration conf = withOut(base, runs.resolve("way-" + way.name()));
                way.change().accept(conf);
                report.way(way, HooklineRun.run(conf, match.matchId()).measurement(), Machine.loadAverage()[0]);
                deleteTree(runs.resolve("way-" + way.name()));
            }
        }
        out.println();
        out.print(report.table());
        Path json = dir.resolve("bench.json");
        report.writeJson(json);
        out.println("Figures: " + json);
        return json;
    }

    /** Each of Hookline's savings taken away in turn. */
    private List<Way> ways() {
        return List.of(
                new Way(
                        "no-reuse",
                        "without segment reuse (every clip encodes all its segments)",
                        c -> c.set(JobOptions.SEGMENT_CACHE, false)),
                new Way("one-lane-x264-2-threads", "in one lane with 2 x264 threads per encoder", c -> {
                    c.set(JobOptions.RENDER_LANES, 1);
                    c.set(JobOptions.ENCODER_THREADS, 2);
                }),
                new Way(
                        "one-lane-x264-1-thread",
                        "in one lane with 1 x264 thread per encoder",
                        c -> c.set(JobOptions.RENDER_LANES, 1)),
                options.parallelism() == 1
                        ? new Way(
                                "parallelism-2",
                                "at parallelism 2 (two clips at a time)",
                                c -> c.set(CoreOptions.DEFAULT_PARALLELISM, 2))
                        : new Way(
                                "parallelism-1",
                                "at parallelism 1 (one clip at a time)",
                                c -> c.set(CoreOptions.DEFAULT_PARALLELISM, 1)));
    }

    private Configuration configuration(BenchMatch match) {
        Configuration conf = new Configuration();
        conf.set(JobOptions.EVENTS, match.events().toString());
        conf.set(JobOptions.VIDEO, match.video().toString());
        if (options.profiles() != null) {
            conf.set(JobOptions.PROFILES, options.profiles().toAbsolutePath().toString());
        }
        conf.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        return conf;
    }

    private static Configuration withOut(Configuration base, Path out) {
        Configuration conf = new Configuration(base);
        conf.set(JobOptions.OUT, out.toAbsolutePath().toString());
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

    static List<String> profileNames(List<BenchClip> clips) {
        List<String> names = new ArrayList<>();
        clips.forEach(c -> c.recipes().forEach(r -> {
            if (!names.contains(r.profile().name())) {
                names.add(r.profile().name());
            }
        }));
        return names;
    }
}

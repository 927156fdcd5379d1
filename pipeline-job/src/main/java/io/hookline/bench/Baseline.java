package io.hookline.bench;

import io.hookline.render.RenditionRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The naive baseline: one ffmpeg process per clip per rendition ({@link BaselineCommand}), at most as many at
 * once as the machine has cores to give them, which is what a reasonable script does. Its CPU time is what the
 * kernel charged to the ffmpeg processes; its peak memory is that of the largest one.
 */
final class Baseline {
    /** x264 threads of each command, as every run of this bench has had them (ffmpeg's own default starts more). */
    static final int X264_THREADS = 2;

    private final FfmpegCli ffmpeg;
    private final String source;
    private final double sourceFps;
    private final int processes;

    /** @param processes ffmpeg processes at once */
    Baseline(FfmpegCli ffmpeg, String source, double sourceFps, int processes) {
        this.ffmpeg = ffmpeg;
        this.source = source;
        this.sourceFps = sourceFps;
        this.processes = processes;
    }

    /** Makes every rendition into {@code out/<clipId>/<profile>.mp4}. */
    Measurement run(List<BenchClip> clips, Path out) throws IOException, InterruptedException {
        Path work = Files.createDirectories(out.resolve("crop-paths"));
        List<List<String>> commands = new ArrayList<>();
        for (BenchClip clip : clips) {
            Path dir = Files.createDirectories(out.resolve(clip.plan().getClipId()));
            for (RenditionRecipe recipe : clip.recipes()) {
                commands.add(BaselineCommand.of(
                        source, sourceFps, recipe, dir.resolve(recipe.profile().name() + ".mp4"), work));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        long cpu = ProcessUsage.childrenCpuNanos();
        long start = System.nanoTime();
        long peak = 0;
        try {
            List<Future<FfmpegCli.Result>> results = new ArrayList<>();
            for (List<String> command : commands) {
                results.add(pool.submit(() -> ffmpeg.run(command)));
            }
            for (Future<FfmpegCli.Result> f : results) {
                FfmpegCli.Result r = f.get();
                if (!r.ok()) {
                    throw new IllegalStateException("a baseline command failed: " + r.failure());
                }
                peak = Math.max(peak, r.maxRssBytes());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a baseline command could not run: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Measurement(wall, (ProcessUsage.childrenCpuNanos() - cpu) / 1e9, peak);
    }
}

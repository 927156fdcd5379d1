package io.hookline.bench;

import io.hookline.render.ClipKeys;
import io.hookline.render.RenditionRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Equal quality, checked: FFmpeg's SSIM of each of Hookline's renditions against the baseline's rendition of the
 * same clip, frame by frame over the whole clip (the "All" figure: luma and chroma weighted together). Frames
 * are paired by their number, not their timestamps: an MP4 without edit lists that ffmpeg writes starts its
 * video a little late to make room for the AAC priming, which would pair each frame with its neighbour.
 */
final class SsimCheck {
    private static final Pattern ALL = Pattern.compile("SSIM .* All:([0-9.]+)");

    private SsimCheck() {}

    /**
     * The SSIM of every clip, per profile, in clip order.
     *
     * @param hooklineMatch Hookline's match directory (the manifest's)
     * @param baseline the baseline's output directory
     */
    static Map<String, List<Double>> compare(
            FfmpegCli ffmpeg, List<BenchClip> clips, Path hooklineMatch, Path baseline, int processes)
            throws InterruptedException {
        Map<String, List<Future<Double>>> pending = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            for (BenchClip clip : clips) {
                String id = clip.plan().getClipId();
                for (RenditionRecipe r : clip.recipes()) {
                    String profile = r.profile().name();
                    Path ours = hooklineMatch.resolve(ClipKeys.renditionPath(id, profile));
                    Path theirs = baseline.resolve(id).resolve(profile + ".mp4");
                    pending.computeIfAbsent(profile, p -> new ArrayList<>())
                            .add(pool.submit(() -> ssim(ffmpeg, ours, theirs)));
                }
            }
            Map<String, List<Double>> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<Double>>> e : pending.entrySet()) {
                List<Double> values = new ArrayList<>();
                for (Future<Double> f : e.getValue()) {
                    values.add(f.get());
                }
                out.put(e.getKey(), values);
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "SSIM could not be measured: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double ssim(FfmpegCli ffmpeg, Path a, Path b) throws Exception {
        FfmpegCli.Result r = ffmpeg.run(List.of(
                "-hide_banner",
                "-nostdin",
                "-nostats",
                "-i",
                a.toString(),
                "-i",
                b.toString(),
                "-lavfi",
                "[0:v]setpts=N[a];[1:v]setpts=N[b];[a][b]ssim",
                "-f",
                "null",
                "-"));
        String all = r.find(ALL);
        if (!r.ok() || all == null) {
            throw new IllegalStateException("comparing " + a + " with " + b + ": " + r.failure());
        }
        return Double.parseDouble(all);
    }
}

package io.hookline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.job.JobOptions;
import io.hookline.job.JobSetup;
import io.hookline.render.ClipKeys;
import io.hookline.storage.ManifestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Hookline as a user runs it: the whole job (feed to manifest, media analysis and planning included) on the
 * embedded MiniCluster, in this process. Its CPU time is this process's, every thread counted: Flink's, the
 * decoders' and the encoders'.
 */
final class HooklineRun {

    /** The measurement, and how many distinct encoded segments the run kept for reuse. */
    record Result(Measurement measurement, long segmentsEncoded) {}

    private HooklineRun() {}

    /** Runs the job into {@code conf}'s output directory, which should be empty, and checks every rendition. */
    static Result run(Configuration conf, String matchId) throws Exception {
        Path out = Path.of(conf.get(JobOptions.OUT));
        boolean peakReset = ProcessUsage.resetPeakRss();
        long cpu = ProcessUsage.ownCpuNanos();
        long start = System.nanoTime();
        JobSetup setup = JobSetup.prepare(conf);
        if (setup.videoProblem() != null) {
            throw new IllegalStateException(setup.videoProblem());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(setup.flinkConfig());
        setup.job().build(env);
        env.execute("hookline bench");
        Measurement m = new Measurement(
                (System.nanoTime() - start) / 1e9,
                (ProcessUsage.ownCpuNanos() - cpu) / 1e9,
                ProcessUsage.peakRssBytes());
        if (!peakReset) {
            System.err.println("warning: the kernel cannot reset the peak memory mark: it counts from the start");
        }
        requireAllRendered(out.resolve(ClipKeys.safeMatchDir(matchId)));
        return new Result(m, countSegments(out.resolve(JobSetup.SEGMENTS_DIR)));
    }

    /** A run with a failed rendition measured less work than the baseline does: it does not count. */
    private static void requireAllRendered(Path matchDir) throws IOException {
        JsonNode manifest = new ObjectMapper()
                .readTree(matchDir.resolve(ManifestFiles.MANIFEST_JSON).toFile());
        for (JsonNode clip : manifest.get("clips")) {
            for (JsonNode r : clip.get("renditions")) {
                if (!"ok".equals(r.get("status").asText())) {
                    throw new IllegalStateException("Hookline failed "
                            + clip.get("clipId").asText() + " "
                            + r.get("profile").asText() + ": " + r.path("error").asText());
                }
            }
        }
    }

    private static long countSegments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".seg"))
                    .count();
        }
    }
}

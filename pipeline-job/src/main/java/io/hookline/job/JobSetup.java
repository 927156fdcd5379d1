package io.hookline.job;

import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.render.DiskSegmentCache;
import io.hookline.render.FfmpegClipRenderer;
import io.hookline.render.RenderSettings;
import io.hookline.render.SegmentCache;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.SourceReader;
import io.hookline.storage.LocalClipStore;
import io.hookline.storage.StoreFactory;
import java.nio.file.Path;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;

/**
 * Everything checked before a match's job starts: the profiles load, the video is probed. A video that
 * cannot be read does not stop the job; it is reported here, and every clip then fails with the reason
 * while the plan and the dead letters are still written.
 *
 * @param video what the video holds, or null when it could not be read
 * @param videoProblem why the video could not be read, or null
 */
public record JobSetup(HooklineJob job, ProfileSet profiles, SourceInfo video, String videoProblem,
        Configuration flinkConfig) {
    /** Under the output directory: encoded segments kept for reuse between clips and between runs. */
    public static final String SEGMENTS_DIR = ".segments";

    public static JobSetup prepare(Configuration conf) throws ProfileException {
        String events = require(conf, JobOptions.EVENTS.key(), conf.get(JobOptions.EVENTS));
        String video = require(conf, JobOptions.VIDEO.key(), conf.get(JobOptions.VIDEO));
        String out = conf.get(JobOptions.OUT);
        String dir = conf.get(JobOptions.PROFILES);
        ProfileSet all = dir == null ? ProfileLoader.loadBundled() : ProfileLoader.load(Path.of(dir));
        ProfileSet profiles = conf.getOptional(JobOptions.RENDITIONS).map(all::only).orElse(all);
        SourceInfo info = null;
        String problem = null;
        try {
            info = SourceReader.probe(video);
        } catch (MediaException e) {
            problem = e.getMessage();
        }
        RenderSettings settings = new RenderSettings(conf.get(JobOptions.DECODER_THREADS),
                conf.get(JobOptions.ENCODER_THREADS), conf.get(JobOptions.DRAFT));
        String root = Path.of(out).toAbsolutePath().toString();
        // Segments several clips show (a play in its clip and in compilations) are encoded once.
        SegmentCache segments = new DiskSegmentCache(Path.of(root, SEGMENTS_DIR));
        RendererFactory renderers = () -> new FfmpegClipRenderer(profiles, video, new LocalClipStore(Path.of(root)),
                settings, segments);
        HooklineJob job = new HooklineJob(HooklineJob.fileFeed(events), video, renderers, StoreFactory.local(root), profiles,
                info == null ? -1 : info.durationMs(), conf.get(JobOptions.RENDER_CONCURRENCY),
                conf.get(JobOptions.RENDER_TIMEOUT_MINUTES));

        Configuration flink = new Configuration(conf);
        // A file feed is bounded: batch execution sorts by match and releases each stage at the end.
        flink.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        // Every type on the wire has a real serializer; falling back to Kryo would be a bug.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        return new JobSetup(job, profiles, info, problem, flink);
    }

    private static String require(Configuration conf, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing option " + key);
        }
        return value;
    }
}

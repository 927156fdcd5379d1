package io.hookline.job;

import io.hookline.ingest.kafka.KafkaCheck;
import io.hookline.ingest.kafka.KafkaFeeds;
import io.hookline.model.FeedRecord;
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
import io.hookline.storage.ProfileStore;
import io.hookline.storage.StoreFactory;
import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3ClipStore;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;

/**
 * Everything checked before a match's job starts: the profiles load, the output can be written, a live
 * feed's Kafka answers, the video is probed. A video that cannot be read does not stop the job; it is
 * reported here, and every clip then fails with the reason while the plan and the dead letters are still
 * written. Everything else that is wrong stops the job before it starts, with the reason.
 *
 * <p>A feed file runs in BATCH mode. A Kafka feed runs in STREAMING mode with checkpoints: after a crash
 * the job resumes from the last one, and every manifest entry also goes to the clips topic, exactly once.
 *
 * @param video what the video holds, or null when it could not be read
 * @param videoProblem why the video could not be read, or null
 * @param sharedVideoWarning when several matches of the feed are all cut from the one video, which and what to do;
 *     else null
 */
public record JobSetup(
        HooklineJob job,
        ProfileSet profiles,
        SourceInfo video,
        String videoProblem,
        String sharedVideoWarning,
        Configuration flinkConfig) {
    /** Under the output directory: encoded segments kept for reuse between clips and between runs. */
    public static final String SEGMENTS_DIR = ".segments";

    public static JobSetup prepare(Configuration conf) throws ProfileException {
        JobOptions.validate(conf);
        String bootstrap = conf.get(JobOptions.KAFKA_BOOTSTRAP);
        boolean live = bootstrap != null && !bootstrap.isBlank();
        String events = conf.get(JobOptions.EVENTS);
        if (live && events != null) {
            throw new IllegalArgumentException("give either " + JobOptions.EVENTS.key() + " (a feed file) or "
                    + JobOptions.KAFKA_BOOTSTRAP.key() + " (a live feed), not both");
        }
        if (!live) {
            require(JobOptions.EVENTS.key(), events);
        }
        String checkpoints = conf.get(JobOptions.CHECKPOINTS);
        if (live) {
            require(JobOptions.CHECKPOINTS.key(), checkpoints);
        }
        // A live job may serve matches that each name their video in their descriptor.
        VideoSource video = new VideoSource(
                live ? conf.get(JobOptions.VIDEO) : require(JobOptions.VIDEO.key(), conf.get(JobOptions.VIDEO)),
                JobOptions.s3Settings(conf),
                live);
        String dir = conf.get(JobOptions.PROFILES);
        S3Settings s3 = JobOptions.s3Settings(conf);
        boolean store = dir != null && ProfileStore.isStore(dir);
        ProfileSet all = dir == null
                ? ProfileLoader.loadBundled()
                : store ? current(ProfileStore.open(dir, s3)) : ProfileLoader.load(Path.of(dir));
        ProfileSet profiles = conf.getOptional(JobOptions.RENDITIONS)
                .filter(names -> !names.equals(JobOptions.EVERY_RENDITION))
                .map(all::only)
                .orElse(all);
        ProfileVersions versions = new ProfileVersions(
                profiles,
                store ? dir : null,
                s3,
                conf.getOptional(JobOptions.RENDITIONS)
                        .filter(names -> !names.equals(JobOptions.EVERY_RENDITION))
                        .orElse(null));
        StoreFactory stores = output(conf.get(JobOptions.OUT), video.s3());

        Source<FeedRecord, ?, ?> feed;
        Properties kafka = JobOptions.kafkaProperties(conf);
        if (live) {
            String eventsTopic = conf.get(JobOptions.EVENTS_TOPIC);
            KafkaCheck.requireTopics(
                    bootstrap,
                    kafka,
                    conf.get(JobOptions.KAFKA_CHECK_TIMEOUT),
                    eventsTopic,
                    conf.get(JobOptions.CLIPS_TOPIC));
            feed = KafkaFeeds.events(bootstrap, eventsTopic, conf.get(JobOptions.GROUP_ID), kafka);
        } else {
            feed = HooklineJob.fileFeed(events);
        }

        SourceInfo info = null;
        String problem = null;
        // A growing video has no length yet: its clips wait for it instead.
        if (video.given() && !video.growing()) {
            try {
                info = SourceReader.probe(video.check());
            } catch (MediaException | IOException e) {
                problem = e.getMessage();
            }
        }
        RenderSettings settings = new RenderSettings(
                conf.get(JobOptions.DECODER_THREADS),
                conf.get(JobOptions.ENCODER_THREADS),
                conf.get(JobOptions.RENDER_LANES),
                conf.get(JobOptions.DRAFT));
        // Segments several clips show (a play in its clip and in compilations) are encoded once.
        SegmentCache segments = conf.get(JobOptions.SEGMENT_CACHE)
                ? new DiskSegmentCache(
                        segmentsDir(conf.get(JobOptions.OUT)), conf.get(JobOptions.SEGMENTS_KEEP), Clock.systemUTC())
                : SegmentCache.NONE;
        Duration videoWait = conf.get(JobOptions.LIVE_VIDEO_WAIT);
        RendererFactory renderers = (source, set) -> new FfmpegClipRenderer(
                set, source.clipSources(settings.decoderThreads(), videoWait), stores.create(), settings, segments);
        HooklineJob job = new HooklineJob(
                feed,
                video,
                renderers,
                stores,
                profiles,
                info == null ? -1 : info.durationMs(),
                conf.get(JobOptions.RENDER_CONCURRENCY),
                conf.get(JobOptions.RENDER_TIMEOUT_MINUTES));
        job.profileVersions(versions, live ? conf.get(JobOptions.PROFILES_POLL) : Duration.ZERO);

        SharedVideo shared = live ? null : SharedVideo.of(events, video);
        job.sharedVideo(shared);

        Configuration flink = new Configuration(conf);
        if (live) {
            job.live(conf.get(JobOptions.MATCH_RETENTION), LiveSettings.of(conf))
                    .publishClipsTo(KafkaFeeds.clips(
                            bootstrap,
                            conf.get(JobOptions.CLIPS_TOPIC),
                            conf.get(JobOptions.TRANSACTIONAL_ID_PREFIX),
                            conf.get(JobOptions.TRANSACTION_TIMEOUT),
                            kafka));
            flink.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
            flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, conf.get(JobOptions.CHECKPOINT_INTERVAL));
            flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints);
            // A match's plans queue up in front of the renderers; an aligned barrier would wait behind all of
            // them, and no clip would reach the clips topic until nearly every render was done. Unaligned
            // barriers overtake the queue and store it in the checkpoint.
            flink.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
            // Kept when the job is cancelled too, so it can be started again from where it was.
            flink.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        } else {
            // A file feed is bounded: batch execution sorts by match and releases each stage at the end.
            flink.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
            // The adaptive batch scheduler sizes stages by their bytes, and a match's plans are a few
            // kilobytes that each take a minute to render: it would give rendering one subtask.
            flink.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        }
        // Every type on the wire has a real serializer; falling back to Kryo would be a bug.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        return new JobSetup(job, profiles, info, problem, shared == null ? null : shared.warning(), flink);
    }

    /** The version a profile store's pointer names, loaded and validated. */
    private static ProfileSet current(ProfileStore store) throws ProfileException {
        try {
            String version = store.current()
                    .orElseThrow(() -> new IllegalArgumentException("no profile version in " + store.describe()
                            + ": push one with ./hookline profiles push DIR " + store.describe()));
            return store.load(version);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the profile store " + store.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where encoded segments are kept: beside local output, so later runs reuse them too; for output on S3,
     * on the machine's own disk.
     */
    private static Path segmentsDir(String out) {
        return S3Location.isS3(out)
                ? Path.of(System.getProperty("java.io.tmpdir"), "hookline" + SEGMENTS_DIR)
                : Path.of(out).toAbsolutePath().resolve(SEGMENTS_DIR);
    }

    /** The output store; an S3 bucket is checked now, so a wrong bucket or key pair stops the job before it starts. */
    private static StoreFactory output(String out, S3Settings s3) {
        if (S3Location.isS3(out)) {
            try {
                new S3ClipStore(S3Clients.shared(s3), S3Location.parse(out), s3).check();
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return StoreFactory.forOutput(out, s3);
    }

    private static String require(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing option " + key);
        }
        return value;
    }
}

package io.hookline.cli;

import io.hookline.job.JobOptions;
import io.hookline.storage.s3.S3Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.Option;

/** Options every command that runs the job shares. */
final class RunOptions {
    static final String ALL = "all";

    @Option(names = "--out", defaultValue = "hookline-out",
            description = "Output directory, or s3://bucket/prefix (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--profiles", paramLabel = "PROFILES",
            description = "Clip-profiles directory, or a profile store written by 'profiles push' (a directory or"
                    + " s3://bucket/prefix), whose current version the job starts with (default: the project's"
                    + " clip-profiles/).")
    String profiles;

    @Option(names = "--profiles-poll", paramLabel = "DURATION",
            description = "How often a live job looks for a new version in its profile store, e.g. 30s; 0 never"
                    + " (default: 30s).")
    String profilesPoll;

    @Option(names = "--parallelism",
            description = "Flink parallelism (default: the cores over the render lanes, at least 1).")
    Integer parallelism;

    @Option(names = "--render-concurrency", defaultValue = "1",
            description = "Clips each render subtask renders at once (default: ${DEFAULT-VALUE}).")
    int renderConcurrency;

    @Option(names = "--encoder-threads",
            description = "Threads of each H.264 encoder (default: 1, which costs the least CPU time).")
    Integer encoderThreads;

    @Option(names = "--render-lanes",
            description = "Threads a clip's renditions are spread over (default: 2); one with two encoder threads"
                    + " is the other way to use two cores.")
    Integer renderLanes;

    @Option(names = "--decoder-threads",
            description = "Threads of the source decoder (default: 1, which costs the least CPU time).")
    Integer decoderThreads;

    @Option(names = "--draft", description = "Render fast at reduced size, for previews.")
    boolean draft;

    @Option(names = "--renditions", split = ",", paramLabel = "NAME",
            description = "Render only these renditions (profile names, comma-separated); 'all' for every profile.")
    List<String> renditions;

    @Option(names = "--s3-endpoint",
            description = "Endpoint of an S3-compatible store for s3:// locations, e.g. http://localhost:9000.")
    String s3Endpoint;

    @Option(names = "--s3-region", description = "AWS region of the buckets (default: the AWS SDK's region chain).")
    String s3Region;

    /** @param events the feed file, or null for a live feed */
    Configuration toConfiguration(Path events, String video) {
        Configuration conf = new Configuration();
        if (events != null) {
            conf.set(JobOptions.EVENTS, events.toAbsolutePath().toString());
        }
        if (video != null) {
            conf.set(JobOptions.VIDEO, video);
        }
        conf.set(JobOptions.OUT, onS3() ? out : Path.of(out).toAbsolutePath().toString());
        if (s3Endpoint != null) {
            conf.set(JobOptions.S3_ENDPOINT, s3Endpoint);
        }
        if (s3Region != null) {
            conf.set(JobOptions.S3_REGION, s3Region);
        }
        if (profiles != null && S3Location.isS3(profiles)) {
            conf.set(JobOptions.PROFILES, profiles);
        } else {
            Path dir = profiles != null ? requireProfilesDirectory(Path.of(profiles)) : defaultProfiles();
            if (dir != null) {
                conf.set(JobOptions.PROFILES, dir.toAbsolutePath().toString());
            }
        }
        if (profilesPoll != null) {
            conf.set(JobOptions.PROFILES_POLL, TimeUtils.parseDuration(profilesPoll));
        }
        setAtLeastOne(conf, JobOptions.RENDER_CONCURRENCY, "--render-concurrency", renderConcurrency);
        setAtLeastOne(conf, JobOptions.ENCODER_THREADS, "--encoder-threads", encoderThreads);
        setAtLeastOne(conf, JobOptions.RENDER_LANES, "--render-lanes", renderLanes);
        setAtLeastOne(conf, JobOptions.DECODER_THREADS, "--decoder-threads", decoderThreads);
        conf.set(JobOptions.DRAFT, draft);
        if (renditions != null && !renditions.equals(List.of(ALL))) {
            conf.set(JobOptions.RENDITIONS, renditions);
        }
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism != null ? parallelism : JobOptions.defaultParallelism());
        setAtLeastOne(conf, CoreOptions.DEFAULT_PARALLELISM, "--parallelism", parallelism);
        return conf;
    }

    private static void setAtLeastOne(Configuration conf, ConfigOption<Integer> option, String flag, Integer value) {
        if (value == null) {
            return;
        }
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1 (got " + value + ")");
        }
        conf.set(option, value);
    }

    /** Checked here: the loader would only say it found no profile files in it. */
    static Path requireProfilesDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("profiles directory not found: " + dir
                    + (Files.exists(dir) ? " (it is a file)" : ""));
        }
        return dir;
    }

    boolean onS3() {
        return S3Location.isS3(out);
    }

    /**
     * The launcher points at the checkout's clip-profiles/, so editors' changes apply without a rebuild; null
     * outside a checkout, where the profiles built into Hookline apply.
     */
    static Path defaultProfiles() {
        String home = System.getProperty("hookline.home");
        return home == null ? null : Path.of(home, "clip-profiles");
    }
}

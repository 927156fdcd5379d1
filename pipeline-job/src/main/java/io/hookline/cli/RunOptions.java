package io.hookline.cli;

import static io.hookline.job.JobOptions.DECODER_THREADS;
import static io.hookline.job.JobOptions.DRAFT;
import static io.hookline.job.JobOptions.ENCODER_THREADS;
import static io.hookline.job.JobOptions.OUT;
import static io.hookline.job.JobOptions.PARALLELISM;
import static io.hookline.job.JobOptions.PROFILES;
import static io.hookline.job.JobOptions.PROFILES_POLL;
import static io.hookline.job.JobOptions.RENDER_CONCURRENCY;
import static io.hookline.job.JobOptions.RENDER_LANES;
import static io.hookline.job.JobOptions.RENDITIONS;
import static io.hookline.job.JobOptions.S3_ENDPOINT;
import static io.hookline.job.JobOptions.S3_REGION;

import io.hookline.job.JobOptions;
import io.hookline.storage.s3.S3Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The job options a command that runs the job takes as flags. The flags are built from the options' declarations
 * in {@link JobOptions} ({@link JobFlag}); this class only adds what the command line does beyond the cluster job:
 * relative paths made absolute, the checkout's profiles, a parallelism sized to the machine.
 */
final class RunOptions {
    /** The flags every command that runs the job takes, after its own, in the order help lists them. */
    private static final List<ConfigOption<?>> SHARED = List.of(
            OUT,
            PROFILES,
            PROFILES_POLL,
            PARALLELISM,
            RENDER_CONCURRENCY,
            ENCODER_THREADS,
            RENDER_LANES,
            DECODER_THREADS,
            DRAFT,
            RENDITIONS,
            S3_ENDPOINT,
            S3_REGION);

    private final Map<ConfigOption<?>, Object> given = new HashMap<>();

    /** Adds the command's own job options ({@code required} among them), then the shared ones, as flags. */
    void addFlags(CommandSpec spec, List<ConfigOption<?>> own, Set<ConfigOption<?>> required) {
        own.forEach(o -> spec.addOption(JobFlag.of(JobOptions.of(o), required.contains(o), given)));
        SHARED.forEach(o -> spec.addOption(JobFlag.of(JobOptions.of(o), false, given)));
    }

    /** The flag's value, or null when it was not given and has no default. */
    @SuppressWarnings("unchecked")
    <T> T get(ConfigOption<T> option) {
        return (T) given.get(option);
    }

    void setIfAbsent(ConfigOption<?> option, Object value) {
        given.putIfAbsent(option, value);
    }

    String out() {
        return get(OUT);
    }

    /** The profiles directory given, or null. */
    Path profiles() {
        String dir = get(PROFILES);
        return dir == null ? null : Path.of(dir);
    }

    /** The job's configuration from the flags given, checked against each option's range. */
    Configuration toConfiguration() {
        Configuration conf = new Configuration();
        given.forEach((option, value) -> JobFlag.set(conf, JobOptions.of(option), value));
        conf.set(OUT, onS3() ? out() : Path.of(out()).toAbsolutePath().toString());
        String profiles = get(PROFILES);
        if (profiles != null && S3Location.isS3(profiles)) {
            conf.set(PROFILES, profiles);
        } else {
            Path dir = profiles != null ? requireProfilesDirectory(Path.of(profiles)) : defaultProfiles();
            if (dir != null) {
                conf.set(PROFILES, dir.toAbsolutePath().toString());
            }
        }
        if (conf.getOptional(JobOptions.EVENTS).isPresent()) {
            conf.set(
                    JobOptions.EVENTS,
                    Path.of(conf.get(JobOptions.EVENTS)).toAbsolutePath().toString());
        }
        if (conf.getOptional(PARALLELISM).isEmpty()) {
            conf.set(PARALLELISM, JobOptions.defaultParallelism());
        }
        return JobOptions.validate(conf);
    }

    /** Checked here: the loader would only say it found no profile files in it. */
    static Path requireProfilesDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "profiles directory not found: " + dir + (Files.exists(dir) ? " (it is a file)" : ""));
        }
        return dir;
    }

    boolean onS3() {
        return S3Location.isS3(out());
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

package io.hookline.job;

import io.hookline.storage.s3.S3Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/** The job's settings, as typed options; on a cluster they come from the job's arguments. */
public final class JobOptions {
    /** Every option below, in the order declared; {@link #declare} adds to it as the fields are initialized. */
    private static final List<JobOption<?>> DECLARED = new ArrayList<>();
    /** The value of {@link #RENDITIONS} that asks for every profile, as leaving it unset does. */
    public static final List<String> EVERY_RENDITION = List.of("all");

    public static final ConfigOption<String> EVENTS = declare(JobOption.text("hookline.events")
            .flag("events")
            .describedAs("The match's event feed: an Avro file of MatchEvent records, or JSON Lines."
                    + " Leave it unset to read a live feed from Kafka (hookline.kafka.bootstrap-servers)."));
    public static final ConfigOption<String> VIDEO = declare(JobOption.text("hookline.video")
            .flag("video")
            .describedAs("The match video: a local path, s3://bucket/key, or a URL FFmpeg can read. Required with"
                    + " an events file; live, the video of matches whose descriptor names none (video:)."));
    public static final ConfigOption<String> OUT = declare(JobOption.text("hookline.out", "hookline-out")
            .flag("out")
            .describedAs("Where clips and manifests are written, a directory or s3://bucket/prefix;"
                    + " each match gets its own directory under it."));
    public static final ConfigOption<String> PROFILES = declare(JobOption.text("hookline.profiles")
            .flag("profiles")
            .describedAs("A clip-profiles directory (rules/ and profiles/), or a profile store that ./hookline"
                    + " profiles push writes (s3://bucket/prefix, or a directory holding a 'current' pointer): the job"
                    + " starts with the version the store's pointer names. Unset, ./hookline uses the checkout's"
                    + " clip-profiles/ and a cluster job the set built into it."));
    public static final ConfigOption<Duration> PROFILES_POLL =
            declare(JobOption.duration("hookline.profiles.poll-interval", Duration.ofSeconds(30))
                    .flag("profiles-poll")
                    .describedAs("How often a live job whose hookline.profiles is a profile store looks at the store's"
                            + " pointer. A new version is validated first: clips planned after it is taken use it (their"
                            + " ids carry it); an invalid one is refused, its problems logged and written to"
                            + " OUT/_profiles/status.json, and the job keeps its version. 0 never looks again."));
    public static final ConfigOption<List<String>> RENDITIONS = declare(JobOption.textList("hookline.renditions")
            .flag("renditions")
            .paramLabel("NAME")
            .describedAs("The renditions to render, by profile name (comma-separated); every concrete profile when"
                    + " unset or 'all'."));
    public static final ConfigOption<Integer> RENDER_CONCURRENCY =
            declare(JobOption.integer("hookline.render.concurrency", 1)
                    .flag("render-concurrency")
                    .atLeast(1)
                    .describedAs("Clips each render subtask works on at once."));
    public static final ConfigOption<Integer> ENCODER_THREADS =
            declare(JobOption.integer("hookline.render.encoder-threads", 1)
                    .flag("encoder-threads")
                    .atLeast(1)
                    .describedAs("Threads of each H.264 encoder. One costs the least CPU time; the lanes keep the cores"
                            + " busy."));
    public static final ConfigOption<Integer> RENDER_LANES = declare(JobOption.integer("hookline.render.lanes", 2)
            .flag("render-lanes")
            .atLeast(1)
            .describedAs("Threads a clip's renditions are spread over, each filtering and encoding its own; one lane"
                    + " with two encoder threads is the other way to use two cores."));
    public static final ConfigOption<Integer> DECODER_THREADS =
            declare(JobOption.integer("hookline.render.decoder-threads", 1)
                    .flag("decoder-threads")
                    .atLeast(1)
                    .describedAs("Threads of the source decoder. One costs the least CPU time; the render lanes run"
                            + " beside it."));
    public static final ConfigOption<Boolean> SEGMENT_CACHE =
            declare(JobOption.bool("hookline.render.segment-cache", true)
                    .describedAs("Keep encoded segments under the output directory (.segments) and join them into every"
                            + " clip that shows the same stretch, instead of encoding it again."));
    public static final ConfigOption<Duration> SEGMENTS_KEEP =
            declare(JobOption.duration("hookline.render.segments-keep", Duration.ofDays(1))
                    .describedAs("How long an encoded segment is kept in .segments after it was last written or read;"
                            + " older ones are deleted, so a live job serving match after match does not fill the"
                            + " disk. Longer than the match retention, so a late correction still finds them."));
    public static final ConfigOption<Boolean> DRAFT = declare(JobOption.bool("hookline.render.draft", false)
            .flag("draft")
            .describedAs("Render at reduced size with the fastest preset, for previews."));
    public static final ConfigOption<Long> RENDER_TIMEOUT_MINUTES =
            declare(JobOption.longInteger("hookline.render.timeout-minutes", 30L)
                    .atLeast(1)
                    .describedAs("A clip still rendering after this long is marked failed."));
    public static final ConfigOption<Integer> PARALLELISM = declare(JobOption.integer("parallelism.default")
            .flag("parallelism")
            .atLeast(1)
            .describedAs("Flink parallelism: how many subtasks each operator runs (default on the command line:"
                    + " the cores over the render lanes, at least 1)."));

    public static final ConfigOption<String> KAFKA_BOOTSTRAP =
            declare(JobOption.text("hookline.kafka.bootstrap-servers")
                    .flag("bootstrap")
                    .describedAs("Kafka to read live match events from (host:port,...). Set, the job runs in"
                            + " STREAMING mode with checkpoints; unset, it reads hookline.events in BATCH mode."));
    public static final ConfigOption<String> EVENTS_TOPIC =
            declare(JobOption.text("hookline.kafka.events-topic", "hookline.events")
                    .flag("events-topic")
                    .describedAs("The topic of MatchEvent records (Avro single-object encoding, keyed by match id)."));
    public static final ConfigOption<String> CLIPS_TOPIC =
            declare(JobOption.text("hookline.kafka.clips-topic", "hookline.clips")
                    .flag("clips-topic")
                    .describedAs("The topic every manifest entry (RenderedClip) is published to, exactly once."));
    public static final ConfigOption<String> GROUP_ID = declare(JobOption.text("hookline.kafka.group-id", "hookline")
            .describedAs("The consumer group of the events topic; a new group starts at the earliest offset."));
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            declare(JobOption.text("hookline.kafka.transactional-id-prefix", "hookline-clips")
                    .describedAs("Prefix of the clips sink's Kafka transaction ids; unique per job on a cluster."));
    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = declare(
            JobOption.duration("hookline.kafka.transaction-timeout", Duration.ofMinutes(10))
                    .describedAs(
                            "How long the broker keeps a clips transaction open: more than a checkpoint"
                                    + " interval plus a restart, at most the broker's transaction.max.timeout.ms (15 min by default)."));
    /**
     * Options with this prefix go to every Kafka client of the job with the prefix taken off, e.g.
     * {@code hookline.kafka.properties.security.protocol: SSL} for an MSK cluster's TLS listener.
     */
    public static final String KAFKA_PROPERTIES_PREFIX = "hookline.kafka.properties.";

    public static final ConfigOption<Duration> KAFKA_CHECK_TIMEOUT =
            declare(JobOption.duration("hookline.kafka.check-timeout", Duration.ofSeconds(30))
                    .describedAs("How long the start-up check waits for Kafka to answer."));

    public static final ConfigOption<String> CHECKPOINTS = declare(JobOption.text("hookline.checkpoints.dir")
            .flag("checkpoints")
            .describedAs("Where a live job keeps its checkpoints: a directory every process can reach"
                    + " (file:///shared/... or s3://bucket/prefix with Flink's S3 file system plugin);"
                    + " ./hookline run keeps them in OUT/_checkpoints when unset."));
    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL = declare(
            JobOption.duration("hookline.checkpoints.interval", Duration.ofSeconds(10))
                    .flag("checkpoint-interval")
                    .describedAs(
                            "How often a live job checkpoints; manifest entries reach the clips topic at each checkpoint."));

    public static final ConfigOption<Duration> MATCH_RETENTION =
            declare(JobOption.duration("hookline.state.match-retention", Duration.ofHours(12))
                    .describedAs("How long a live job keeps a match's state after it last changed: an ended match is"
                            + " remembered this long (its late events go to the dead letters), and a match whose feed stopped"
                            + " without a MATCH_END is dropped after it. Longer than the longest pause in a match."));

    public static final ConfigOption<Duration> LIVE_REORDER =
            declare(JobOption.duration("hookline.live.reorder", Duration.ofSeconds(2))
                    .describedAs("How long a live match's events wait, in match time, for an earlier event that arrives"
                            + " late, before they are scored in order. Later arrivals and corrections still count: the play"
                            + " they change gets a new clip and its old clip is withdrawn."));
    public static final ConfigOption<Duration> LIVE_VIDEO_WAIT =
            declare(JobOption.duration("hookline.live.video-wait", Duration.ofMinutes(2))
                    .describedAs("How long a live clip waits for a growing video to cover its window before it fails"
                            + " with the reason (where the video stops, where the play ends)."));
    public static final ConfigOption<Integer> LIVE_RENDER_QUEUE =
            declare(JobOption.integer("hookline.live.render-queue", 64)
                    .atLeast(1)
                    .describedAs("Clips a live render subtask holds waiting for a renderer; the best of them goes"
                            + " first, but a score buys at most a head start of 10 s a point, so a clip that has"
                            + " waited longer is not overtaken by later ones."));

    public static final ConfigOption<String> S3_REGION = declare(JobOption.text("hookline.s3.region")
            .flag("s3-region")
            .describedAs("The AWS region of the buckets; unset, the SDK's chain (AWS_REGION, profile, instance)."));
    public static final ConfigOption<String> S3_ENDPOINT = declare(JobOption.text("hookline.s3.endpoint")
            .flag("s3-endpoint")
            .describedAs("An endpoint override for S3-compatible stores, e.g. http://minio:9000."));
    public static final ConfigOption<Boolean> S3_PATH_STYLE = declare(JobOption.bool("hookline.s3.path-style")
            .describedAs("Address buckets in the path; defaults to true with an endpoint override."));
    public static final ConfigOption<Integer> S3_MAX_ATTEMPTS =
            declare(JobOption.integer("hookline.s3.max-attempts", 10)
                    .atLeast(1)
                    .describedAs("Attempts per S3 request; throttling and 5xx answers are retried with backoff."));
    public static final ConfigOption<MemorySize> S3_MULTIPART_THRESHOLD =
            declare(JobOption.memory("hookline.s3.multipart-threshold", "16mb")
                    .describedAs("Files larger than this are uploaded in parts."));
    public static final ConfigOption<MemorySize> S3_PART_SIZE = declare(JobOption.memory("hookline.s3.part-size", "8mb")
            .describedAs("The size of each part of a multipart upload (at least 5mb)."));
    public static final ConfigOption<Duration> S3_PRESIGN_EXPIRY =
            declare(JobOption.duration("hookline.s3.presign-expiry", Duration.ofHours(12))
                    .describedAs("How long the presigned URL an s3:// video is read through stays valid."));

    private JobOptions() {}

    private static <T> ConfigOption<T> declare(JobOption<T> option) {
        DECLARED.add(option);
        return option.config();
    }

    /** Every job option, in the order declared. */
    public static List<JobOption<?>> all() {
        return Collections.unmodifiableList(DECLARED);
    }

    /** The declaration of an option above. */
    @SuppressWarnings("unchecked")
    public static <T> JobOption<T> of(ConfigOption<T> option) {
        return (JobOption<T>) DECLARED.stream()
                .filter(o -> o.config() == option)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option.key() + " is not a job option"));
    }

    /** Refuses values out of their option's range, naming the option, the range and the value. */
    public static Configuration validate(Configuration conf) {
        List<String> problems =
                DECLARED.stream().flatMap(o -> o.problem(conf).stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return conf;
    }

    /**
     * The parallelism that fills this machine's cores without oversubscribing them: each render subtask keeps
     * about as many cores busy as it has lanes (measured: two clips at once on 2 cores cost a third more CPU
     * for the same clips than one).
     */
    public static int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / RENDER_LANES.defaultValue());
    }

    /** The extra Kafka client properties, from the {@link #KAFKA_PROPERTIES_PREFIX} options. */
    public static Properties kafkaProperties(Configuration conf) {
        Properties props = new Properties();
        conf.toMap().forEach((key, value) -> {
            if (key.startsWith(KAFKA_PROPERTIES_PREFIX)) {
                props.setProperty(key.substring(KAFKA_PROPERTIES_PREFIX.length()), value);
            }
        });
        return props;
    }

    /** How the job reaches S3, from the hookline.s3.* options. */
    public static S3Settings s3Settings(Configuration conf) {
        String endpoint = conf.get(S3_ENDPOINT);
        return new S3Settings(
                conf.get(S3_REGION),
                endpoint,
                conf.getOptional(S3_PATH_STYLE).orElse(endpoint != null),
                conf.get(S3_MAX_ATTEMPTS),
                conf.get(S3_MULTIPART_THRESHOLD).getBytes(),
                conf.get(S3_PART_SIZE).getBytes(),
                conf.get(S3_PRESIGN_EXPIRY));
    }

    /**
     * Reads the cluster job's arguments: each option above by its flag ({@code --events F --video V --out D
     * [--draft]}, or {@code --bootstrap H:P} and the other live options instead of {@code --events}); any other
     * {@code --key value} is passed on as it is, so every option and every Flink option can be given by its key
     * (e.g. {@code --pipeline.max-parallelism 128}). The values are checked as on the command line.
     */
    public static Configuration fromArgs(String[] args) {
        Map<String, JobOption<?>> flags = new HashMap<>();
        DECLARED.forEach(o -> o.flagName().ifPresent(f -> flags.put(f, o)));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            String value = flag ? "true" : args[++i];
            JobOption<?> option = flags.get(name);
            values.put(option != null ? option.key() : name, option != null ? option.keyValue(value) : value);
        }
        return validate(Configuration.fromMap(values));
    }
}

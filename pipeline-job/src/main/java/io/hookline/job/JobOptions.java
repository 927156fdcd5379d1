package io.hookline.job;

import io.hookline.storage.s3.S3Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/** The job's settings, as typed options; on a cluster they come from the job's arguments. */
public final class JobOptions {
    public static final ConfigOption<String> EVENTS = ConfigOptions.key("hookline.events")
            .stringType().noDefaultValue()
            .withDescription("The match's event feed: an Avro file of MatchEvent records, or JSON Lines."
                    + " Leave it unset to read a live feed from Kafka (hookline.kafka.bootstrap-servers).");
    public static final ConfigOption<String> VIDEO = ConfigOptions.key("hookline.video")
            .stringType().noDefaultValue()
            .withDescription("The match video: a local path, s3://bucket/key, or a URL FFmpeg can read.");
    public static final ConfigOption<String> OUT = ConfigOptions.key("hookline.out")
            .stringType().defaultValue("hookline-out")
            .withDescription("Where clips and manifests are written, a directory or s3://bucket/prefix;"
                    + " each match gets its own directory under it.");
    public static final ConfigOption<String> PROFILES = ConfigOptions.key("hookline.profiles")
            .stringType().noDefaultValue()
            .withDescription("A clip-profiles directory (rules/ and profiles/), or a profile store that ./hookline"
                    + " profiles push writes (s3://bucket/prefix, or a directory holding a 'current' pointer): the job"
                    + " starts with the version the store's pointer names. The bundled set when unset.");
    public static final ConfigOption<Duration> PROFILES_POLL = ConfigOptions.key("hookline.profiles.poll-interval")
            .durationType().defaultValue(Duration.ofSeconds(30))
            .withDescription("How often a live job whose hookline.profiles is a profile store looks at the store's"
                    + " pointer. A new version is validated first: clips planned after it is taken use it (their ids"
                    + " carry it); an invalid one is refused, its problems logged and written to"
                    + " OUT/_profiles/status.json, and the job keeps its version. 0 never looks again.");
    public static final ConfigOption<List<String>> RENDITIONS = ConfigOptions.key("hookline.renditions")
            .stringType().asList().noDefaultValue()
            .withDescription("The renditions to render, by profile name; every concrete profile when unset.");
    public static final ConfigOption<Integer> RENDER_CONCURRENCY = ConfigOptions.key("hookline.render.concurrency")
            .intType().defaultValue(1)
            .withDescription("Clips each render subtask works on at once.");
    public static final ConfigOption<Integer> ENCODER_THREADS = ConfigOptions.key("hookline.render.encoder-threads")
            .intType().defaultValue(1)
            .withDescription("Threads of each H.264 encoder. One costs the least CPU time; the lanes keep the cores"
                    + " busy.");
    public static final ConfigOption<Integer> RENDER_LANES = ConfigOptions.key("hookline.render.lanes")
            .intType().defaultValue(2)
            .withDescription("Threads a clip's renditions are spread over, each filtering and encoding its own.");
    public static final ConfigOption<Integer> DECODER_THREADS = ConfigOptions.key("hookline.render.decoder-threads")
            .intType().defaultValue(1)
            .withDescription("Threads of the source decoder. One costs the least CPU time; the render lanes run"
                    + " beside it.");
    public static final ConfigOption<Boolean> SEGMENT_CACHE = ConfigOptions.key("hookline.render.segment-cache")
            .booleanType().defaultValue(true)
            .withDescription("Keep encoded segments under the output directory (.segments) and join them into every"
                    + " clip that shows the same stretch, instead of encoding it again.");
    public static final ConfigOption<Boolean> DRAFT = ConfigOptions.key("hookline.render.draft")
            .booleanType().defaultValue(false)
            .withDescription("Render at reduced size with the fastest preset, for previews.");
    public static final ConfigOption<Long> RENDER_TIMEOUT_MINUTES = ConfigOptions.key("hookline.render.timeout-minutes")
            .longType().defaultValue(30L)
            .withDescription("A clip still rendering after this long is marked failed.");


    public static final ConfigOption<String> KAFKA_BOOTSTRAP = ConfigOptions.key("hookline.kafka.bootstrap-servers")
            .stringType().noDefaultValue()
            .withDescription("Kafka to read live match events from (host:port,...). Set, the job runs in"
                    + " STREAMING mode with checkpoints; unset, it reads hookline.events in BATCH mode.");
    public static final ConfigOption<String> EVENTS_TOPIC = ConfigOptions.key("hookline.kafka.events-topic")
            .stringType().defaultValue("hookline.events")
            .withDescription("The topic of MatchEvent records (Avro single-object encoding, keyed by match id).");
    public static final ConfigOption<String> CLIPS_TOPIC = ConfigOptions.key("hookline.kafka.clips-topic")
            .stringType().defaultValue("hookline.clips")
            .withDescription("The topic every manifest entry (RenderedClip) is published to, exactly once.");
    public static final ConfigOption<String> GROUP_ID = ConfigOptions.key("hookline.kafka.group-id")
            .stringType().defaultValue("hookline")
            .withDescription("The consumer group of the events topic; a new group starts at the earliest offset.");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOptions.key("hookline.kafka.transactional-id-prefix")
            .stringType().defaultValue("hookline-clips")
            .withDescription("Prefix of the clips sink's Kafka transaction ids; unique per job on a cluster.");
    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = ConfigOptions.key("hookline.kafka.transaction-timeout")
            .durationType().defaultValue(Duration.ofMinutes(10))
            .withDescription("How long the broker keeps a clips transaction open: more than a checkpoint"
                    + " interval plus a restart, at most the broker's transaction.max.timeout.ms (15 min by default).");
    /**
     * Options with this prefix go to every Kafka client of the job with the prefix taken off, e.g.
     * {@code hookline.kafka.properties.security.protocol: SSL} for an MSK cluster's TLS listener.
     */
    public static final String KAFKA_PROPERTIES_PREFIX = "hookline.kafka.properties.";
    public static final ConfigOption<Duration> KAFKA_CHECK_TIMEOUT = ConfigOptions.key("hookline.kafka.check-timeout")
            .durationType().defaultValue(Duration.ofSeconds(30))
            .withDescription("How long the start-up check waits for Kafka to answer.");

    public static final ConfigOption<String> CHECKPOINTS = ConfigOptions.key("hookline.checkpoints.dir")
            .stringType().noDefaultValue()
            .withDescription("Where a live job keeps its checkpoints: a directory every process can reach"
                    + " (file:///shared/... or s3://bucket/prefix with Flink's S3 file system plugin).");
    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL = ConfigOptions.key("hookline.checkpoints.interval")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withDescription("How often a live job checkpoints; manifest entries reach the clips topic at each checkpoint.");

    public static final ConfigOption<Duration> MATCH_RETENTION = ConfigOptions.key("hookline.state.match-retention")
            .durationType().defaultValue(Duration.ofHours(12))
            .withDescription("How long a live job keeps a match's state after it last changed: an ended match is"
                    + " remembered this long (its late events go to the dead letters), and a match whose feed stopped"
                    + " without a MATCH_END is dropped after it. Longer than the longest pause in a match.");

    public static final ConfigOption<Duration> LIVE_REORDER = ConfigOptions.key("hookline.live.reorder")
            .durationType().defaultValue(Duration.ofSeconds(2))
            .withDescription("How long a live match's events wait, in match time, for an earlier event that arrives"
                    + " late, before they are scored in order. Later arrivals and corrections still count: the play"
                    + " they change gets a new clip and its old clip is withdrawn.");
    public static final ConfigOption<Duration> LIVE_VIDEO_WAIT = ConfigOptions.key("hookline.live.video-wait")
            .durationType().defaultValue(Duration.ofMinutes(2))
            .withDescription("How long a live clip waits for a growing video to cover its window before it fails"
                    + " with the reason (where the video stops, where the play ends).");
    public static final ConfigOption<Integer> LIVE_RENDER_QUEUE = ConfigOptions.key("hookline.live.render-queue")
            .intType().defaultValue(64)
            .withDescription("Clips a live render subtask holds waiting for a renderer; the best of them goes"
                    + " first.");

    public static final ConfigOption<String> S3_REGION = ConfigOptions.key("hookline.s3.region")
            .stringType().noDefaultValue()
            .withDescription("The AWS region of the buckets; unset, the SDK's chain (AWS_REGION, profile, instance).");
    public static final ConfigOption<String> S3_ENDPOINT = ConfigOptions.key("hookline.s3.endpoint")
            .stringType().noDefaultValue()
            .withDescription("An endpoint override for S3-compatible stores, e.g. http://minio:9000.");
    public static final ConfigOption<Boolean> S3_PATH_STYLE = ConfigOptions.key("hookline.s3.path-style")
            .booleanType().noDefaultValue()
            .withDescription("Address buckets in the path; defaults to true with an endpoint override.");
    public static final ConfigOption<Integer> S3_MAX_ATTEMPTS = ConfigOptions.key("hookline.s3.max-attempts")
            .intType().defaultValue(10)
            .withDescription("Attempts per S3 request; throttling and 5xx answers are retried with backoff.");
    public static final ConfigOption<MemorySize> S3_MULTIPART_THRESHOLD = ConfigOptions.key("hookline.s3.multipart-threshold")
            .memoryType().defaultValue(MemorySize.parse("16mb"))
            .withDescription("Files larger than this are uploaded in parts.");
    public static final ConfigOption<MemorySize> S3_PART_SIZE = ConfigOptions.key("hookline.s3.part-size")
            .memoryType().defaultValue(MemorySize.parse("8mb"))
            .withDescription("The size of each part of a multipart upload (at least 5mb).");
    public static final ConfigOption<Duration> S3_PRESIGN_EXPIRY = ConfigOptions.key("hookline.s3.presign-expiry")
            .durationType().defaultValue(Duration.ofHours(12))
            .withDescription("How long the presigned URL an s3:// video is read through stays valid.");

    private static final Map<String, ConfigOption<?>> FLAGS = Map.ofEntries(
            Map.entry("events", EVENTS),
            Map.entry("video", VIDEO),
            Map.entry("out", OUT),
            Map.entry("profiles", PROFILES),
            Map.entry("profiles-poll", PROFILES_POLL),
            Map.entry("renditions", RENDITIONS),
            Map.entry("render-concurrency", RENDER_CONCURRENCY),
            Map.entry("encoder-threads", ENCODER_THREADS),
            Map.entry("render-lanes", RENDER_LANES),
            Map.entry("decoder-threads", DECODER_THREADS),
            Map.entry("draft", DRAFT),
            Map.entry("bootstrap", KAFKA_BOOTSTRAP),
            Map.entry("events-topic", EVENTS_TOPIC),
            Map.entry("clips-topic", CLIPS_TOPIC),
            Map.entry("checkpoints", CHECKPOINTS),
            Map.entry("checkpoint-interval", CHECKPOINT_INTERVAL),
            Map.entry("s3-endpoint", S3_ENDPOINT),
            Map.entry("s3-region", S3_REGION));

    private JobOptions() {}

    /** The short command-line flag of an option ({@code video} for {@code hookline.video}), if it has one. */
    public static Optional<String> flagOf(ConfigOption<?> option) {
        return FLAGS.entrySet().stream().filter(e -> e.getValue() == option).map(Map.Entry::getKey).sorted().findFirst();
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
        return new S3Settings(conf.get(S3_REGION), endpoint, conf.getOptional(S3_PATH_STYLE).orElse(endpoint != null),
                conf.get(S3_MAX_ATTEMPTS), conf.get(S3_MULTIPART_THRESHOLD).getBytes(), conf.get(S3_PART_SIZE).getBytes(),
                conf.get(S3_PRESIGN_EXPIRY));
    }

    /**
     * Reads {@code --events F --video V --out D [--profiles P] [--draft]}, or {@code --bootstrap H:P} and the
     * other live options instead of {@code --events}; any other {@code --key value} is passed on as it is, so
     * every option above and every Flink option can be given by its key (e.g. {@code --parallelism.default 4}).
     */
    public static Configuration fromArgs(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            String value = flag ? "true" : args[++i];
            ConfigOption<?> option = FLAGS.get(name);
            values.put(option != null ? option.key() : name, value);
        }
        return Configuration.fromMap(values);
    }
}

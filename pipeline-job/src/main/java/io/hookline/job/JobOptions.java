package io.hookline.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/** The job's settings, as typed options; on a cluster they come from the job's arguments. */
public final class JobOptions {
    public static final ConfigOption<String> EVENTS = ConfigOptions.key("hookline.events")
            .stringType().noDefaultValue()
            .withDescription("The match's event feed: an Avro file of MatchEvent records, or JSON Lines.");
    public static final ConfigOption<String> VIDEO = ConfigOptions.key("hookline.video")
            .stringType().noDefaultValue()
            .withDescription("The match video: a local path or a URL FFmpeg can read.");
    public static final ConfigOption<String> OUT = ConfigOptions.key("hookline.out")
            .stringType().defaultValue("hookline-out")
            .withDescription("Where clips and manifests are written; each match gets a directory.");
    public static final ConfigOption<String> PROFILES = ConfigOptions.key("hookline.profiles")
            .stringType().noDefaultValue()
            .withDescription("A clip-profiles directory (rules/ and profiles/); the bundled set when unset.");
    public static final ConfigOption<List<String>> RENDITIONS = ConfigOptions.key("hookline.renditions")
            .stringType().asList().noDefaultValue()
            .withDescription("The renditions to render, by profile name; every concrete profile when unset.");
    public static final ConfigOption<Integer> RENDER_CONCURRENCY = ConfigOptions.key("hookline.render.concurrency")
            .intType().defaultValue(1)
            .withDescription("Clips each render subtask works on at once.");
    public static final ConfigOption<Integer> ENCODER_THREADS = ConfigOptions.key("hookline.render.encoder-threads")
            .intType().defaultValue(2)
            .withDescription("Threads of each H.264 encoder.");
    public static final ConfigOption<Integer> DECODER_THREADS = ConfigOptions.key("hookline.render.decoder-threads")
            .intType().defaultValue(2)
            .withDescription("Threads of the source decoder.");
    public static final ConfigOption<Boolean> DRAFT = ConfigOptions.key("hookline.render.draft")
            .booleanType().defaultValue(false)
            .withDescription("Render at reduced size with the fastest preset, for previews.");
    public static final ConfigOption<Long> RENDER_TIMEOUT_MINUTES = ConfigOptions.key("hookline.render.timeout-minutes")
            .longType().defaultValue(30L)
            .withDescription("A clip still rendering after this long is marked failed.");

    private static final Map<String, ConfigOption<?>> FLAGS = Map.of(
            "events", EVENTS,
            "video", VIDEO,
            "out", OUT,
            "profiles", PROFILES,
            "renditions", RENDITIONS,
            "render-concurrency", RENDER_CONCURRENCY,
            "encoder-threads", ENCODER_THREADS,
            "decoder-threads", DECODER_THREADS,
            "draft", DRAFT);

    private JobOptions() {}

    /**
     * Reads {@code --events F --video V --out D [--profiles P] [--draft]}; any other {@code --key value}
     * is passed on as a Flink option (e.g. {@code --parallelism.default 4}).
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

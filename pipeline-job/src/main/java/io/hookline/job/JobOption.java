package io.hookline.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.description.HtmlFormatter;

/**
 * One job option as it is declared once: its typed {@link ConfigOption} with the description, the short flag the
 * command line and the cluster job's arguments take for it, and the range its values must keep. The command-line
 * flags, the cluster's argument parsing, the validation and the reference docs are all read from here.
 *
 * @param config the typed option, with its key, default and description
 * @param valueType how a flag's text is read: {@code Integer}, {@code Long}, {@code Boolean}, {@code List} (of
 *        comma-separated strings) or {@code String} (which Flink parses into durations and sizes)
 * @param flag the short flag without its dashes ({@code video} for {@code hookline.video}), or null for none
 * @param paramLabel how help names the flag's value
 * @param min the least value a numeric option takes, or null for no bound
 */
public record JobOption<T>(ConfigOption<T> config, Class<?> valueType, String flag, String paramLabel, Long min) {
    public String key() {
        return config.key();
    }

    /** The description as plain text (Flink keeps it as rich text, for its HTML docs). */
    public String description() {
        return new HtmlFormatter()
                .format(config.description())
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    public Optional<String> flagName() {
        return Optional.ofNullable(flag);
    }

    /** How errors name the option: by the flag people type, or by its key when it has none. */
    public String name() {
        return flag != null ? "--" + flag : key();
    }

    /** The value's problem, if it has one: a number below its range. */
    public Optional<String> problem(Configuration conf) {
        if (min == null) {
            return Optional.empty();
        }
        return conf.getOptional(config)
                .map(v -> ((Number) v).longValue())
                .filter(v -> v < min)
                .map(v -> name() + " must be at least " + min + " (got " + v + ")");
    }

    /** A flag's text as the option's key takes it: flags separate list items with commas, Flink with semicolons. */
    public String keyValue(String flagText) {
        return valueType == List.class ? flagText.replace(',', ';') : flagText;
    }

    /** The value the flag's text stands for, read the way Flink reads the option's key. */
    public T parse(String text) {
        Configuration conf = new Configuration();
        conf.setString(key(), text);
        return conf.get(config);
    }

    public static Declaring<String> text(String key) {
        return new Declaring<>(ConfigOptions.key(key).stringType().noDefaultValue(), String.class);
    }

    public static Declaring<String> text(String key, String defaultValue) {
        return new Declaring<>(ConfigOptions.key(key).stringType().defaultValue(defaultValue), String.class);
    }

    public static Declaring<List<String>> textList(String key) {
        return new Declaring<>(ConfigOptions.key(key).stringType().asList().noDefaultValue(), List.class);
    }

    public static Declaring<Integer> integer(String key) {
        return new Declaring<>(ConfigOptions.key(key).intType().noDefaultValue(), Integer.class);
    }

    public static Declaring<Integer> integer(String key, int defaultValue) {
        return new Declaring<>(ConfigOptions.key(key).intType().defaultValue(defaultValue), Integer.class);
    }

    public static Declaring<Long> longInteger(String key, long defaultValue) {
        return new Declaring<>(ConfigOptions.key(key).longType().defaultValue(defaultValue), Long.class);
    }

    public static Declaring<Boolean> bool(String key) {
        return new Declaring<>(ConfigOptions.key(key).booleanType().noDefaultValue(), Boolean.class);
    }

    public static Declaring<Boolean> bool(String key, boolean defaultValue) {
        return new Declaring<>(ConfigOptions.key(key).booleanType().defaultValue(defaultValue), Boolean.class);
    }

    public static Declaring<Duration> duration(String key, Duration defaultValue) {
        return new Declaring<>(ConfigOptions.key(key).durationType().defaultValue(defaultValue), String.class);
    }

    public static Declaring<MemorySize> memory(String key, String defaultValue) {
        return new Declaring<>(
                ConfigOptions.key(key).memoryType().defaultValue(MemorySize.parse(defaultValue)), String.class);
    }

    /** An option being declared; {@link #describedAs} ends the declaration, so none is left without one. */
    public static final class Declaring<T> {
        private final ConfigOption<T> config;
        private final Class<?> valueType;
        private String flag;
        private String paramLabel;
        private Long min;

        private Declaring(ConfigOption<T> config, Class<?> valueType) {
            this.config = config;
            this.valueType = valueType;
        }

        public Declaring<T> flag(String name) {
            this.flag = name;
            return this;
        }

        public Declaring<T> paramLabel(String label) {
            this.paramLabel = label;
            return this;
        }

        public Declaring<T> atLeast(long least) {
            this.min = least;
            return this;
        }

        public JobOption<T> describedAs(String description) {
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("job option " + config.key() + " has no description");
            }
            return new JobOption<>(
                    config.withDescription(description),
                    valueType,
                    flag,
                    paramLabel != null ? paramLabel : "<" + (flag != null ? flag : "value") + ">",
                    min);
        }
    }
}

package io.hookline.cli;

import io.hookline.job.JobOption;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/** A job option's command-line flag, built from its declaration: name, value type, default, description. */
final class JobFlag {
    private JobFlag() {}

    /** The flag of {@code option}; picocli puts the value it parses into {@code values}. */
    static OptionSpec of(JobOption<?> option, boolean required, Map<ConfigOption<?>, Object> values) {
        String flag = option.flagName()
                .orElseThrow(
                        () -> new IllegalArgumentException(option.key() + " has no flag to offer on the command line"));
        ConfigOption<?> config = option.config();
        ISetter setter = new ISetter() {
            @Override
            public <T> T set(T value) {
                @SuppressWarnings("unchecked")
                T old = (T) (value == null ? values.remove(config) : values.put(config, value));
                return old;
            }
        };
        IGetter getter = new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) values.get(config);
            }
        };
        // Picocli reads a description as a format string.
        String description = option.description().replace("%", "%%")
                + (config.hasDefaultValue() && option.valueType() != Boolean.class
                        ? " (default: ${DEFAULT-VALUE})"
                        : "");
        OptionSpec.Builder spec = OptionSpec.builder("--" + flag)
                .type(option.valueType())
                .paramLabel(option.paramLabel())
                .description(description)
                .required(required)
                .setter(setter)
                .getter(getter);
        if (option.valueType() == List.class) {
            spec.auxiliaryTypes(String.class).splitRegex(",");
        }
        if (config.hasDefaultValue()) {
            spec.defaultValue(String.valueOf(config.defaultValue()));
        }
        return spec.build();
    }

    /** Puts a parsed flag's value into the job's configuration. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void set(Configuration conf, JobOption<?> option, Object value) {
        ConfigOption config = option.config();
        conf.set(
                config,
                value instanceof String text && option.valueType() == String.class ? option.parse(text) : value);
    }
}

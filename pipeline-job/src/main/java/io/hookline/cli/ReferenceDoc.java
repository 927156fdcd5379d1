package io.hookline.cli;

import io.hookline.job.JobOption;
import io.hookline.job.JobOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@code docs/reference.md}: every command with its options, and every job option, from the command line's
 * own model and {@link JobOptions}' descriptions, so the reference cannot drift from the code. The build runs it
 * ({@code process-classes}); a test fails when the committed file differs from what it would write.
 */
public final class ReferenceDoc {
    private ReferenceDoc() {}

    /** Writes the reference to the file given, {@code docs/reference.md} of the project. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), text(), StandardCharsets.UTF_8);
    }

    public static String text() {
        StringBuilder out = new StringBuilder();
        out.append("# Reference\n\n")
                .append(
                        "Generated from the code by the build (`ReferenceDoc`); do not edit. How to use each command:\n")
                .append("[commands.md](commands.md).\n\n")
                .append("## Commands\n");
        command(Main.commandLine(), out);
        out.append("\n## Job options\n\n")
                .append("The cluster job takes each as `--KEY VALUE`, and those with a flag also as `--FLAG VALUE`;\n")
                .append("`run`, `plan` and `demo` take the flags listed with them above. Values out of range are\n")
                .append("refused, naming the flag or key.\n\n")
                .append("| key | flag | default | what it does |\n|---|---|---|---|\n");
        for (JobOption<?> option : JobOptions.all()) {
            ConfigOption<?> config = option.config();
            out.append("| `")
                    .append(option.key())
                    .append("` | ")
                    .append(option.flagName().map(f -> "`--" + f + "`").orElse(""))
                    .append(" | ")
                    .append(config.hasDefaultValue() ? "`" + config.defaultValue() + "`" : "")
                    .append(" | ")
                    .append(cell(option.description()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static void command(CommandLine cli, StringBuilder out) {
        CommandSpec spec = cli.getCommandSpec();
        if (spec.usageMessage().hidden()) {
            return;
        }
        out.append("\n### `./").append(spec.qualifiedName(" ")).append("`\n\n");
        String description = String.join(" ", spec.usageMessage().description());
        if (!description.isBlank()) {
            out.append(description.strip()).append("\n\n");
        }
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                rows.add(new String[] {"`" + p.paramLabel() + "`", "", String.join(" ", p.description())});
            }
        }
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                String names =
                        "`" + String.join("`, `", o.names()) + (o.arity().max() > 0 ? " " + o.paramLabel() : "") + "`";
                rows.add(new String[] {
                    names,
                    o.defaultValue() == null ? "" : "`" + o.defaultValue() + "`",
                    String.join(" ", o.description())
                });
            }
        }
        if (!rows.isEmpty()) {
            out.append("| option | default | what it does |\n|---|---|---|\n");
            for (String[] r : rows) {
                out.append("| ")
                        .append(r[0])
                        .append(" | ")
                        .append(r[1])
                        .append(" | ")
                        .append(cell(r[2]))
                        .append(" |\n");
            }
        }
        cli.getSubcommands().values().stream().distinct().forEach(sub -> command(sub, out));
    }

    /** Table cells hold one line, and a pipe would end the cell. */
    private static String cell(String text) {
        return text.replace("${DEFAULT-VALUE}", "the default")
                .replace("|", "\\|")
                .replace("\n", " ")
                .replace("%n", " ")
                .strip();
    }
}

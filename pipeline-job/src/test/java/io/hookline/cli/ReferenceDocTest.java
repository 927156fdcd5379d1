package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.job.JobOption;
import io.hookline.job.JobOptions;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The generated reference stays whole: every option of every command and every job option says what it does, and
 * the hand-written guide names no option that is gone.
 */
class ReferenceDocTest {
    private static final Path DOCS = Path.of("..", "docs");
    /** Flags the launcher itself takes, before the command line sees them. */
    private static final Set<String> LAUNCHER_FLAGS = Set.of("--e2e", "--test");

    @Test
    void everyOptionOfEveryCommandSaysWhatItDoes() {
        List<String> silent = new ArrayList<>();
        forEachCommand(Main.commandLine(), cli -> {
            for (OptionSpec o : cli.getCommandSpec().options()) {
                if (!o.hidden() && String.join("", o.description()).isBlank()) {
                    silent.add(cli.getCommandSpec().qualifiedName(" ") + " " + o.longestName());
                }
            }
        });
        assertThat(silent).as("options without a description").isEmpty();
    }

    @Test
    void everyJobOptionIsDeclaredWithADescription() throws Exception {
        List<String> undeclared = new ArrayList<>();
        Set<ConfigOption<?>> declared = new HashSet<>();
        JobOptions.all().forEach(o -> declared.add(o.config()));
        for (var f : JobOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.get(null) instanceof ConfigOption<?> o
                    && !declared.contains(o)) {
                undeclared.add(o.key());
            }
        }
        assertThat(undeclared).as("job options not declared through JobOption").isEmpty();
        assertThat(JobOptions.all())
                .as("job options without a description")
                .allSatisfy(o -> assertThat(o.description()).as(o.key()).isNotBlank());
    }

    @Test
    void anOptionDeclaredWithoutADescriptionIsRefused() {
        assertThatThrownBy(() -> JobOption.integer("hookline.test.silent", 1)
                        .flag("silent")
                        .describedAs(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job option hookline.test.silent has no description");
    }

    @Test
    void everyFlagOfARunningCommandIsAJobOptionsFlagWithItsDescription() {
        for (String command : List.of("run", "plan", "demo")) {
            CommandSpec spec = Main.commandLine().getSubcommands().get(command).getCommandSpec();
            for (JobOption<?> option : JobOptions.all()) {
                OptionSpec flag =
                        option.flagName().map(f -> spec.findOption("--" + f)).orElse(null);
                if (flag != null) {
                    assertThat(String.join(" ", flag.description()))
                            .as(command + " " + flag.longestName())
                            .startsWith(option.description());
                }
            }
            assertThat(spec.findOption("--parallelism")).as(command).isNotNull();
        }
    }

    @Test
    void theGuideNamesNoOptionThatIsGone() throws Exception {
        Set<String> real = new HashSet<>(LAUNCHER_FLAGS);
        forEachCommand(
                Main.commandLine(),
                cli -> cli.getCommandSpec().options().forEach(o -> real.addAll(List.of(o.names()))));
        List<String> gone = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*(?![\\w.])")
                .matcher(Files.readString(DOCS.resolve("commands.md")));
        while (m.find()) {
            if (!real.contains(m.group())) {
                gone.add(m.group());
            }
        }
        assertThat(gone)
                .as("options docs/commands.md names that no command takes")
                .isEmpty();
    }

    @Test
    void theReferenceListsEveryCommandAndJobOption() throws Exception {
        String reference = ReferenceDoc.text();
        forEachCommand(
                Main.commandLine(),
                cli -> assertThat(reference)
                        .contains("`./" + cli.getCommandSpec().qualifiedName(" ") + "`"));
        assertThat(reference).contains("| `" + JobOptions.VIDEO.key() + "` | `--video` |  | The match video");
    }

    private static void forEachCommand(CommandLine cli, java.util.function.Consumer<CommandLine> each) {
        if (cli.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        each.accept(cli);
        cli.getSubcommands().values().stream().distinct().forEach(sub -> forEachCommand(sub, each));
    }
}

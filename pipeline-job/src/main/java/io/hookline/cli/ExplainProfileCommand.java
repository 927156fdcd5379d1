package io.hookline.cli;

import io.hookline.profiles.Explanation;
import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.vocabulary.Suggestions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./hookline profiles explain NAME}: a rendition's, template's, platform's or destination's settings after
 * inheritance and defaults.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the effective settings of a rendition (abstract bases too), a graphics template, a"
                    + " platform's limits or a publishing destination after inheritance and defaults, each with the"
                    + " file:line that set it.",
            "Exit code 2 when the name is unknown or the profiles have problems."
        })
final class ExplainProfileCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "A rendition, graphics template, platform or destination name.")
    String name;

    @Option(
            names = "--profiles",
            paramLabel = "DIR",
            description =
                    "The clip-profiles directory (default: this checkout's clip-profiles/, else the set built into Hookline).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProfileSource source = ProfileSource.of(dir);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Explanation> all;
        try {
            all = source.explain();
        } catch (ProfileException e) {
            err.println("error: the clip profiles in " + source.describe() + " have problems; fix them first:");
            for (Problem problem : e.problems()) {
                err.println(source.format(problem));
            }
            return ExitCodes.USAGE;
        }
        List<Explanation> matching =
                all.stream().filter(e -> e.name().equals(name)).toList();
        if (matching.isEmpty()) {
            List<String> names = all.stream().map(Explanation::name).distinct().toList();
            err.println("error: no rendition, template, platform or destination named '" + name + "'"
                    + Suggestions.closest(name, names)
                            .map(n -> "; did you mean '" + n + "'?")
                            .orElse("")
                    + " Known: " + String.join(", ", names));
            return ExitCodes.USAGE;
        }
        out.print(String.join("\n", matching.stream().map(ExplanationText::of).toList()));
        out.flush();
        return ExitCodes.OK;
    }
}

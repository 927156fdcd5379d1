package io.hookline.cli;

import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline profiles validate [DIR]}: every problem in the profile set, or OK. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the rules, profiles, graphics and publishing destinations and prints every problem as"
                    + " file:line:column: message.",
            "Exit code 0 when the set is valid, 2 when it has problems."
        })
final class ValidateProfilesCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..1",
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
        try {
            DestinationSet destinations = source.loadWithDestinations();
            ProfileSet set = destinations.profiles();
            out.printf(
                    "OK: %d renditions, %d templates, %d destinations, version %s%n",
                    set.renditions().size(),
                    set.graphics().size(),
                    destinations.destinations().size(),
                    set.version());
            return ExitCodes.OK;
        } catch (ProfileException e) {
            for (Problem problem : e.problems()) {
                out.println(source.format(problem));
            }
            int count = e.problems().size();
            spec.commandLine().getErr().printf("%d problem%s in %s%n", count, count == 1 ? "" : "s", source.describe());
            return ExitCodes.USAGE;
        } finally {
            out.flush();
        }
    }
}

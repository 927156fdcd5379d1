package io.hookline.cli;

import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Explanation;
import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import java.nio.file.Path;
import java.util.List;

/**
 * The profile set a {@code profiles} command reads: the directory given, else this checkout's clip-profiles/,
 * else the set built into Hookline.
 *
 * @param dir null for the built-in set
 */
record ProfileSource(Path dir) {

    static ProfileSource of(Path given) {
        return new ProfileSource(
                given != null ? RunOptions.requireProfilesDirectory(given) : RunOptions.defaultProfiles());
    }

    ProfileSet load() throws ProfileException {
        return dir == null ? ProfileLoader.loadBundled() : ProfileLoader.load(dir);
    }

    /** The set with its publishing destinations, which only the profiles commands and publishing read. */
    DestinationSet loadWithDestinations() throws ProfileException {
        return dir == null ? ProfileLoader.loadBundledDestinations() : ProfileLoader.loadDestinations(dir);
    }

    List<Explanation> explain() throws ProfileException {
        return dir == null ? ProfileLoader.explainBundled() : ProfileLoader.explain(dir);
    }

    /** What to call the set in messages. */
    String describe() {
        return dir == null ? "the clip profiles built into Hookline" : dir.toString();
    }

    /**
     * A problem as {@code file:line:column: message}, the file named from the working directory when it can be,
     * so that terminals and editors can jump to it.
     */
    String format(Problem problem) {
        if (dir == null) {
            return problem.toString();
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path file = dir.toAbsolutePath().normalize().resolve(problem.file());
        String shown = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
        // Keep the trailing slash of a folder ("profiles/") that the problem is about.
        String name = problem.file().endsWith("/") ? shown + "/" : shown;
        return name + ":" + problem.line() + ":" + problem.column() + ": " + problem.message();
    }
}

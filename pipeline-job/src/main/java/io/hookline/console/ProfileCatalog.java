package io.hookline.console;

import io.hookline.profiles.Destination;
import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Explanation;
import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The profile sets the console knows: the first is the one in use, the others are versions to compare it with
 * (null stands for the set built into Hookline). A set is read again when one of its files changed, so an
 * editor's change shows on the next page load; looking costs a walk of the folder, reading costs a validation.
 */
final class ProfileCatalog {
    private final List<Path> dirs;
    private final Map<Integer, Loaded> cache = new LinkedHashMap<>();

    ProfileCatalog(List<Path> dirs) {
        this.dirs = dirs.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(dirs);
    }

    /**
     * One set as read: its version and destinations when valid, else its problems, each as
     * {@code file:line:column: message} with the file relative to the set's folder.
     */
    record Loaded(
            int index,
            Path dir,
            String version,
            DestinationSet set,
            List<String> problems,
            List<Explanation> explanations,
            String fingerprint) {
        boolean valid() {
            return problems.isEmpty();
        }

        String name() {
            return dir == null ? "built-in" : dir.toString();
        }

        ProfileSet profiles() {
            return set == null ? null : set.profiles();
        }
    }

    int size() {
        return dirs.size();
    }

    Loaded current() {
        return get(0);
    }

    synchronized Loaded get(int index) {
        Loaded loaded = cache.get(index);
        String fingerprint = fingerprint(dirs.get(index));
        if (loaded == null || !loaded.fingerprint().equals(fingerprint)) {
            loaded = load(index, fingerprint);
            cache.put(index, loaded);
        }
        return loaded;
    }

    List<Loaded> all() {
        List<Loaded> all = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            all.add(get(i));
        }
        return all;
    }

    /** Each destination of the set in use with what it takes, for the gallery's destination filter. */
    Map<String, GalleryFilter.Target> destinations() {
        Map<String, GalleryFilter.Target> targets = new LinkedHashMap<>();
        Loaded loaded = current();
        if (loaded.set() != null) {
            for (Destination d : loaded.set().destinations()) {
                targets.put(
                        d.name(),
                        new GalleryFilter.Target(
                                d.rendition(),
                                d.takes().kinds().stream()
                                        .map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
                                        .toList()));
            }
        }
        return targets;
    }

    /** The folder's files with their sizes and times: any edit, added or removed file changes it. */
    private static String fingerprint(Path dir) {
        if (dir == null) {
            return "built-in";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder print = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                print.append(f)
                        .append(' ')
                        .append(Files.size(f))
                        .append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis())
                        .append('\n');
            }
            return print.toString();
        } catch (IOException e) {
            return "unreadable " + e.getMessage(); // loading then names what is wrong
        }
    }

    private Loaded load(int index, String fingerprint) {
        Path dir = dirs.get(index);
        try {
            DestinationSet set =
                    dir == null ? ProfileLoader.loadBundledDestinations() : ProfileLoader.loadDestinations(dir);
            List<Explanation> explanations = dir == null ? ProfileLoader.explainBundled() : ProfileLoader.explain(dir);
            return new Loaded(index, dir, set.profiles().version(), set, List.of(), explanations, fingerprint);
        } catch (ProfileException e) {
            List<String> problems =
                    e.problems().stream().map(ProfileCatalog::format).toList();
            return new Loaded(index, dir, null, null, problems, List.of(), fingerprint);
        }
    }

    static String format(Problem p) {
        return p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message();
    }
}

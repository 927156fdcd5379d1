package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads and validates a profile set: {@code rules/highlights.yaml} and every {@code profiles/*.yaml} under
 * one root directory. Every problem in every file is collected before anything is thrown, so an editor
 * sees them all at once.
 */
public final class ProfileLoader {

    static final String RULES_FILE = "rules/highlights.yaml";
    static final String PROFILES_DIR = "profiles";
    /** Where the build puts the shipped set on the classpath. */
    static final String BUNDLE = "hookline-profiles";

    private static final Comparator<Problem> BY_POSITION =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    private ProfileLoader() {}

    /** Loads the set under dir. */
    public static ProfileSet load(Path dir) throws ProfileException {
        return load(dir, dir.toAbsolutePath().normalize().toString());
    }

    /** Loads the set shipped on the classpath, from a directory or from inside a jar. */
    public static ProfileSet loadBundled() throws ProfileException {
        String rules = BUNDLE + "/" + RULES_FILE;
        URL url = ProfileLoader.class.getResource("/" + rules);
        if (url == null) {
            throw new ProfileException("the classpath", List.of(new Problem(rules, 0, 0, "not on the classpath")));
        }
        return loadFrom(url);
    }

    /** Loads the set whose rules file is at url: a plain file, or an entry of a jar. */
    static ProfileSet loadFrom(URL rulesUrl) throws ProfileException {
        try {
            if ("jar".equals(rulesUrl.getProtocol())) {
                JarURLConnection entry = (JarURLConnection) rulesUrl.openConnection();
                // A file system of our own rather than the shared one for this jar, so closing it disturbs no one.
                try (FileSystem jar = FileSystems.newFileSystem(Path.of(entry.getJarFileURL().toURI()))) {
                    return load(root(jar.getPath("/", entry.getEntryName())), rulesUrl.toString());
                }
            }
            return load(root(Path.of(rulesUrl.toURI())), rulesUrl.toString());
        } catch (IOException | URISyntaxException e) {
            throw new ProfileException(rulesUrl.toString(), List.of(new Problem(RULES_FILE, 0, 0, "cannot open: " + e)));
        }
    }

    // <root>/rules/highlights.yaml
    private static Path root(Path rulesFile) {
        return rulesFile.getParent().getParent();
    }

    private static ProfileSet load(Path dir, String source) throws ProfileException {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = read(dir, problems);
        HighlightRules rules = null;
        List<RenditionProfile> renditions = new ArrayList<>();
        Map<String, Location> renditionNames = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            List<Problem> found = new ArrayList<>();
            Optional<YamlNode> root = YamlTree.parse(name, file.getValue(), found);
            if (name.equals(RULES_FILE)) {
                rules = root.flatMap(node -> new RulesBinder(found).bind(node)).orElse(null);
            } else {
                root.ifPresent(node -> renditions.addAll(new RenditionBinder(name, renditionNames, found).bind(node)));
            }
            found.sort(BY_POSITION);
            problems.addAll(found);
        }
        if (!problems.isEmpty()) {
            // An aliased node is read once per use; its problems need reporting only once.
            throw new ProfileException(source, problems.stream().distinct().toList());
        }
        return new ProfileSet(version(files), rules, renditions);
    }

    /** The set's files by relative name: rules first, then profiles by file name, the order the version covers. */
    private static Map<String, byte[]> read(Path dir, List<Problem> problems) {
        List<String> names = new ArrayList<>();
        names.add(RULES_FILE);
        names.addAll(profileNames(dir, problems));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            try {
                files.put(name, Files.readAllBytes(dir.resolve(name)));
            } catch (NoSuchFileException e) {
                problems.add(new Problem(name, 0, 0, "file not found"));
            } catch (IOException e) {
                problems.add(new Problem(name, 0, 0, "cannot read: " + e));
            }
        }
        return files;
    }

    private static List<String> profileNames(Path dir, List<Problem> problems) {
        Path profiles = dir.resolve(PROFILES_DIR);
        List<String> names = List.of();
        if (Files.isDirectory(profiles)) {
            try (Stream<Path> listing = Files.list(profiles)) {
                names = listing.filter(Files::isRegularFile)
                        .map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(".yaml"))
                        .sorted()
                        .map(name -> PROFILES_DIR + "/" + name)
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                problems.add(new Problem(PROFILES_DIR + "/", 0, 0, "cannot list: " + e));
                return List.of();
            }
        }
        if (names.isEmpty()) {
            problems.add(new Problem(PROFILES_DIR + "/", 0, 0, "no profile files (*.yaml); at least one is needed"));
        }
        return names;
    }

    /**
     * The first 12 hex digits of a SHA-256 over each file's relative name and bytes. Names are hashed too, so
     * renaming a file (which reorders renditions) also makes a new version.
     */
    private static String version(Map<String, byte[]> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(file.getValue());
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }
}

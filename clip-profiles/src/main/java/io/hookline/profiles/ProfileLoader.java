package io.hookline.profiles;

import io.hookline.profiles.Explanation.Kind;
import io.hookline.profiles.Inheritance.Declared;
import io.hookline.profiles.Inheritance.Resolved;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads and validates a profile set under one root directory: {@code rules/highlights.yaml}, every
 * {@code profiles/*.yaml} and every {@code graphics/*.yaml}, and the images the templates name. Renditions and
 * templates may extend others from any file of their kind. Every problem in every file is collected before
 * anything is thrown, so an editor sees them all at once.
 *
 * <p>The publishing destinations of {@code destinations/*.yaml} are read only when asked for: rendering does not
 * need them, so a mistake in one stops publishing (and {@code profiles validate}) but no render. They are not
 * part of the set's version, so they change no clip id.
 */
public final class ProfileLoader {

    static final String RULES_FILE = "rules/highlights.yaml";
    static final String PROFILES_DIR = "profiles";
    static final String GRAPHICS_DIR = "graphics";
    static final String DESTINATIONS_DIR = "destinations";
    /** Where the build puts the shipped set on the classpath. */
    static final String BUNDLE = "hookline-profiles";

    private ProfileLoader() {}

    /** Loads the set under dir. */
    public static ProfileSet load(Path dir) throws ProfileException {
        return read(dir, false).set();
    }

    /** Loads the set shipped on the classpath, from a directory or from inside a jar. */
    public static ProfileSet loadBundled() throws ProfileException {
        return readBundled(false).set();
    }

    /** Loads the set under dir with its destinations; a problem in either fails the load. */
    public static DestinationSet loadDestinations(Path dir) throws ProfileException {
        return read(dir, true).destinations();
    }

    /** The same for the set shipped on the classpath. */
    public static DestinationSet loadBundledDestinations() throws ProfileException {
        return readBundled(true).destinations();
    }

    /**
     * Every rendition (abstract ones too), template, platform and destination under dir, with its effective
     * settings.
     */
    public static List<Explanation> explain(Path dir) throws ProfileException {
        return read(dir, true).explanations();
    }

    /** The same for the set shipped on the classpath. */
    public static List<Explanation> explainBundled() throws ProfileException {
        return readBundled(true).explanations();
    }

    /**
     * A loaded set with what editors' tools need besides it.
     *
     * @param destinations null unless asked for
     * @param trace every key the loader asked for, in every file, with full paths
     */
    record Loaded(ProfileSet set, DestinationSet destinations, List<Explanation> explanations, List<Setting> trace) {}

    /** Everything under dir, destinations too. */
    static Loaded read(Path dir) throws ProfileException {
        return read(dir, true);
    }

    private static Loaded read(Path dir, boolean destinations) throws ProfileException {
        return read(dir, dir.toAbsolutePath().normalize().toString(), destinations);
    }

    private static Loaded readBundled(boolean destinations) throws ProfileException {
        String rules = BUNDLE + "/" + RULES_FILE;
        URL url = ProfileLoader.class.getResource("/" + rules);
        if (url == null) {
            throw new ProfileException("the classpath", List.of(new Problem(rules, 0, 0, "not on the classpath")));
        }
        return readFrom(url, destinations);
    }

    /** Loads the set whose rules file is at url: a plain file, or an entry of a jar. */
    static ProfileSet loadFrom(URL rulesUrl) throws ProfileException {
        return readFrom(rulesUrl, false).set();
    }

    /** The same with its destinations. */
    static DestinationSet loadDestinationsFrom(URL rulesUrl) throws ProfileException {
        return readFrom(rulesUrl, true).destinations();
    }

    private static Loaded readFrom(URL rulesUrl, boolean destinations) throws ProfileException {
        try {
            if ("jar".equals(rulesUrl.getProtocol())) {
                JarURLConnection entry = (JarURLConnection) rulesUrl.openConnection();
                // A file system of our own rather than the shared one for this jar, so closing it disturbs no one.
                try (FileSystem jar =
                        FileSystems.newFileSystem(Path.of(entry.getJarFileURL().toURI()))) {
                    return read(root(jar.getPath("/", entry.getEntryName())), rulesUrl.toString(), destinations);
                }
            }
            return read(root(Path.of(rulesUrl.toURI())), rulesUrl.toString(), destinations);
        } catch (IOException | URISyntaxException e) {
            throw new ProfileException(
                    rulesUrl.toString(), List.of(new Problem(RULES_FILE, 0, 0, "cannot open: " + e)));
        }
    }

    // <root>/rules/highlights.yaml
    private static Path root(Path rulesFile) {
        return rulesFile.getParent().getParent();
    }

    private static Loaded read(Path root, String source, boolean withDestinations) throws ProfileException {
        Problems problems = new Problems();
        List<Setting> trace = new ArrayList<>();
        ReadContext context = ReadContext.of(problems, trace);
        Map<String, byte[]> files = files(root, problems, withDestinations);

        HighlightRules rules = null;
        Map<String, Declared> renditions = new LinkedHashMap<>();
        Map<String, Declared> templates = new LinkedHashMap<>();
        Map<String, Declared> platforms = new LinkedHashMap<>();
        Map<String, Declared> destinations = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            List<Problem> syntax = new ArrayList<>();
            Optional<YamlNode> tree = YamlTree.parse(name, file.getValue(), syntax);
            problems.addAll(syntax);
            if (tree.isEmpty()) {
                continue;
            }
            if (name.equals(RULES_FILE)) {
                rules = new RulesBinder(context).bind(tree.get()).orElse(null);
            } else if (name.startsWith(PROFILES_DIR + "/")) {
                Declarations.collect(tree.get(), RenditionBinder.TOP_KEY, "rendition", context, renditions);
            } else if (name.startsWith(DESTINATIONS_DIR + "/")) {
                DestinationBinder.collect(tree.get(), context, platforms, destinations);
            } else {
                Declarations.collect(tree.get(), GraphicsBinder.TOP_KEY, "template", context, templates);
            }
        }

        // Templates first: renditions name them.
        Images images = new Images(root);
        Map<String, Resolved> resolvedTemplates = new Inheritance("template", templates, problems).resolveAll();
        GraphicsBinder graphicsBinder = new GraphicsBinder(images);
        List<GraphicsTemplate> graphics = new ArrayList<>();
        resolvedTemplates.forEach(
                (name, resolved) -> graphicsBinder.bind(name, resolved, context).ifPresent(graphics::add));

        Map<String, Resolved> resolvedRenditions = new Inheritance("rendition", renditions, problems).resolveAll();
        RenditionBinder renditionBinder = new RenditionBinder(templates.keySet());
        List<RenditionProfile> concrete = new ArrayList<>();
        resolvedRenditions.forEach((name, resolved) ->
                renditionBinder.bind(name, resolved, context).ifPresent(concrete::add));

        DestinationBinder.Bound bound = withDestinations
                ? new DestinationBinder(concrete, graphics, resolvedRenditions, context).bind(platforms, destinations)
                : null;

        if (!problems.isEmpty()) {
            throw new ProfileException(source, problems.sorted(List.copyOf(files.keySet())));
        }
        // Destinations are left out: clip ids depend on the version, and where a clip is posted is not the clip.
        Map<String, byte[]> hashed = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (!name.startsWith(DESTINATIONS_DIR + "/")) {
                hashed.put(name, bytes);
            }
        });
        hashed.putAll(images.files());
        List<Explanation> explanations = new ArrayList<>();
        explanations.addAll(explain(Kind.RENDITION, RenditionBinder.TOP_KEY, resolvedRenditions, trace));
        explanations.addAll(explain(Kind.TEMPLATE, GraphicsBinder.TOP_KEY, resolvedTemplates, trace));
        explanations.addAll(explain(Kind.PLATFORM, DestinationBinder.PLATFORMS_KEY, written(platforms), trace));
        explanations.addAll(explain(Kind.DESTINATION, DestinationBinder.TOP_KEY, written(destinations), trace));
        ProfileSet set = new ProfileSet(version(hashed), rules, concrete, graphics);
        DestinationSet destinationSet =
                bound == null ? null : new DestinationSet(set, bound.platforms(), bound.destinations());
        return new Loaded(set, destinationSet, explanations, trace);
    }

    /** Declarations that extend nothing, as they were written. */
    private static Map<String, Resolved> written(Map<String, Declared> declared) {
        Map<String, Resolved> resolved = new LinkedHashMap<>();
        declared.forEach((name, d) -> resolved.put(name, new Resolved(d.node(), Set.of(), List.of(), true)));
        return resolved;
    }

    private static List<Explanation> explain(
            Kind kind, String topKey, Map<String, Resolved> resolved, List<Setting> trace) {
        List<Explanation> explanations = new ArrayList<>();
        resolved.forEach((name, r) -> {
            String prefix = topKey + "." + name + ".";
            List<Setting> settings = trace.stream()
                    .filter(setting -> setting.path().startsWith(prefix))
                    .map(setting -> setting.under(prefix))
                    .toList();
            explanations.add(new Explanation(
                    name,
                    kind,
                    kind == Kind.RENDITION && RenditionBinder.isAbstract(r.effective()),
                    r.effective().location().file(),
                    r.bases(),
                    settings));
        });
        return explanations;
    }

    /**
     * The set's YAML files by relative name, in the order the version covers and problems are reported: the
     * rules, then profiles, graphics and (when asked for) destinations each by file name.
     */
    private static Map<String, byte[]> files(Path dir, Problems problems, boolean withDestinations) {
        List<String> names = new ArrayList<>();
        names.add(RULES_FILE);
        names.addAll(yamlFiles(dir, PROFILES_DIR, true, problems));
        names.addAll(yamlFiles(dir, GRAPHICS_DIR, false, problems));
        if (withDestinations) {
            names.addAll(yamlFiles(dir, DESTINATIONS_DIR, false, problems));
        }
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

    private static List<String> yamlFiles(Path dir, String folder, boolean required, Problems problems) {
        Path path = dir.resolve(folder);
        List<String> names = List.of();
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                names = listing.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".yaml"))
                        .sorted()
                        .map(name -> folder + "/" + name)
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                problems.add(new Problem(folder + "/", 0, 0, "cannot list: " + e));
                return List.of();
            }
        }
        if (names.isEmpty() && required) {
            problems.add(new Problem(folder + "/", 0, 0, "no profile files (*.yaml); at least one is needed"));
        }
        return names;
    }

    /**
     * The first 12 hex digits of a SHA-256 over each file's relative name and bytes: the YAML files, then the
     * images by path. Names are hashed too, so renaming a file (which reorders renditions) also makes a new
     * version.
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

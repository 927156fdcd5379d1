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
import java.util.stream.Stream;

/**
 * Loads and validates a profile set under one root directory: {@code rules/highlights.yaml}, every
 * {@code profiles/*.yaml} and every {@code graphics/*.yaml}, and the images the templates name. Renditions and
 * templates may extend others from any file of their kind. Every problem in every file is collected before
 * anything is thrown, so an editor sees them all at once.
 */
public final class ProfileLoader {

    static final String RULES_FILE = "rules/highlights.yaml";
    static final String PROFILES_DIR = "profiles";
    static final String GRAPHICS_DIR = "graphics";
    /** Where the build puts the shipped set on the classpath. */
    static final String BUNDLE = "hookline-profiles";

    private ProfileLoader() {}

    /** Loads the set under dir. */
    public static ProfileSet load(Path dir) throws ProfileException {
        return read(dir).set();
    }

    /** Loads the set shipped on the classpath, from a directory or from inside a jar. */
    public static ProfileSet loadBundled() throws ProfileException {
        return readBundled().set();
    }

    /** Every rendition (abstract ones too) and template under dir, with its effective settings. */
    public static List<Explanation> explain(Path dir) throws ProfileException {
        return read(dir).explanations();
    }

    /** The same for the set shipped on the classpath. */
    public static List<Explanation> explainBundled() throws ProfileException {
        return readBundled().explanations();
    }

    /**
     * A loaded set with what editors' tools need besides it.
     *
     * @param trace every key the loader asked for, in every file, with full paths
     */
    record Loaded(ProfileSet set, List<Explanation> explanations, List<Setting> trace) {}

    static Loaded read(Path dir) throws ProfileException {
        return read(dir, dir.toAbsolutePath().normalize().toString());
    }

    private static Loaded readBundled() throws ProfileException {
        String rules = BUNDLE + "/" + RULES_FILE;
        URL url = ProfileLoader.class.getResource("/" + rules);
        if (url == null) {
            throw new ProfileException("the classpath", List.of(new Problem(rules, 0, 0, "not on the classpath")));
        }
        return readFrom(url);
    }

    /** Loads the set whose rules file is at url: a plain file, or an entry of a jar. */
    static ProfileSet loadFrom(URL rulesUrl) throws ProfileException {
        return readFrom(rulesUrl).set();
    }

    private static Loaded readFrom(URL rulesUrl) throws ProfileException {
        try {
            if ("jar".equals(rulesUrl.getProtocol())) {
                JarURLConnection entry = (JarURLConnection) rulesUrl.openConnection();
                // A file system of our own rather than the shared one for this jar, so closing it disturbs no one.
                try (FileSystem jar = FileSystems.newFileSystem(Path.of(entry.getJarFileURL().toURI()))) {
                    return read(root(jar.getPath("/", entry.getEntryName())), rulesUrl.toString());
                }
            }
            return read(root(Path.of(rulesUrl.toURI())), rulesUrl.toString());
        } catch (IOException | URISyntaxException e) {
            throw new ProfileException(rulesUrl.toString(), List.of(new Problem(RULES_FILE, 0, 0, "cannot open: " + e)));
        }
    }

    // <root>/rules/highlights.yaml
    private static Path root(Path rulesFile) {
        return rulesFile.getParent().getParent();
    }

    private static Loaded read(Path root, String source) throws ProfileException {
        Problems problems = new Problems();
        List<Setting> trace = new ArrayList<>();
        ReadContext context = ReadContext.of(problems, trace);
        Map<String, byte[]> files = files(root, problems);

        HighlightRules rules = null;
        Map<String, Declared> renditions = new LinkedHashMap<>();
        Map<String, Declared> templates = new LinkedHashMap<>();
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
            } else {
                Declarations.collect(tree.get(), GraphicsBinder.TOP_KEY, "template", context, templates);
            }
        }

        // Templates first: renditions name them.
        Images images = new Images(root);
        Map<String, Resolved> resolvedTemplates = new Inheritance("template", templates, problems).resolveAll();
        GraphicsBinder graphicsBinder = new GraphicsBinder(images);
        List<GraphicsTemplate> graphics = new ArrayList<>();
        resolvedTemplates.forEach((name, resolved) ->
                graphicsBinder.bind(name, resolved, context).ifPresent(graphics::add));

        Map<String, Resolved> resolvedRenditions = new Inheritance("rendition", renditions, problems).resolveAll();
        RenditionBinder renditionBinder = new RenditionBinder(templates.keySet());
        List<RenditionProfile> concrete = new ArrayList<>();
        resolvedRenditions.forEach((name, resolved) ->
                renditionBinder.bind(name, resolved, context).ifPresent(concrete::add));

        if (!problems.isEmpty()) {
            throw new ProfileException(source, problems.sorted(List.copyOf(files.keySet())));
        }
        Map<String, byte[]> hashed = new LinkedHashMap<>(files);
        hashed.putAll(images.files());
        List<Explanation> explanations = new ArrayList<>();
        explanations.addAll(explain(Kind.RENDITION, RenditionBinder.TOP_KEY, resolvedRenditions, trace));
        explanations.addAll(explain(Kind.TEMPLATE, GraphicsBinder.TOP_KEY, resolvedTemplates, trace));
        return new Loaded(new ProfileSet(version(hashed), rules, concrete, graphics), explanations, trace);
    }

    private static List<Explanation> explain(Kind kind, String topKey, Map<String, Resolved> resolved,
            List<Setting> trace) {
        List<Explanation> explanations = new ArrayList<>();
        resolved.forEach((name, r) -> {
            String prefix = topKey + "." + name + ".";
            List<Setting> settings = trace.stream()
                    .filter(setting -> setting.path().startsWith(prefix))
                    .map(setting -> setting.under(prefix))
                    .toList();
            explanations.add(new Explanation(name, kind,
                    kind == Kind.RENDITION && RenditionBinder.isAbstract(r.effective()),
                    r.effective().location().file(), r.bases(), settings));
        });
        return explanations;
    }

    /**
     * The set's YAML files by relative name, in the order the version covers and problems are reported: the
     * rules, then profiles and graphics each by file name.
     */
    private static Map<String, byte[]> files(Path dir, Problems problems) {
        List<String> names = new ArrayList<>();
        names.add(RULES_FILE);
        names.addAll(yamlFiles(dir, PROFILES_DIR, true, problems));
        names.addAll(yamlFiles(dir, GRAPHICS_DIR, false, problems));
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

package io.hookline.storage;

import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3ProfileObjects;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versions of a profile set in a directory or under an S3 prefix, for a running job to pick up:
 * <pre>
 * versions/&lt;version&gt;/rules/highlights.yaml, profiles/..., graphics/...   one set per version, never changed
 * current                                                                  the version in use: written last
 * </pre>
 * A push uploads every file of a version before it moves the pointer, so a reader that follows the pointer never
 * sees half a set. A version's name is the set's own version (a hash of its files), so the same files always
 * land in the same place and a version, once pushed, keeps its content.
 */
public final class ProfileStore {
    public static final String POINTER = "current";
    private static final String VERSIONS = "versions/";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ProfileObjects objects;

    public ProfileStore(ProfileObjects objects) {
        this.objects = objects;
    }

    /** The store at {@code s3://bucket/prefix} or in a local directory. */
    public static ProfileStore open(String location, S3Settings s3) {
        if (S3Location.isS3(location)) {
            return new ProfileStore(new S3ProfileObjects(S3Clients.shared(s3), S3Location.parse(location), s3));
        }
        return new ProfileStore(new LocalProfileObjects(Path.of(location)));
    }

    /**
     * Whether a profile location is a store rather than a plain clip-profiles directory: every S3 location is,
     * and a directory is once it has a pointer.
     */
    public static boolean isStore(String location) {
        return S3Location.isS3(location)
                || Files.isRegularFile(Path.of(location).resolve(POINTER));
    }

    /** The version the pointer names, or empty when nothing was pushed yet. */
    public Optional<String> current() throws IOException {
        return objects.read(POINTER).map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip());
    }

    /**
     * Loads and validates one version. Its problems name the files as the editors wrote them
     * ({@code profiles/youtube.yaml:3:7: ...}).
     *
     * @throws ProfileException the version is not a valid set, is missing, or does not hold what its name says
     * @throws IOException the store could not be read (worth trying again)
     */
    public ProfileSet load(String version) throws IOException, ProfileException {
        if (!VERSION.matcher(version).matches()) {
            throw refused(POINTER, "names no version: '" + version + "'");
        }
        String prefix = VERSIONS + version + "/";
        List<String> keys = objects.list(prefix);
        if (keys.isEmpty()) {
            throw refused(prefix, "no files: version " + version + " was never pushed here");
        }
        Path dir = Files.createTempDirectory("hookline-profiles-" + version + "-");
        try {
            for (String key : keys) {
                Path file = dir.resolve(key.substring(prefix.length())).normalize();
                if (!file.startsWith(dir)) {
                    throw refused(key, "a file name that leaves its version's folder");
                }
                Files.createDirectories(file.getParent());
                Files.write(
                        file,
                        objects.read(key)
                                .orElseThrow(
                                        () -> new IOException(objects.locate(key) + " vanished while it was read")));
            }
            ProfileSet set;
            try {
                set = ProfileLoader.load(dir);
            } catch (ProfileException e) {
                throw new ProfileException(objects.locate(prefix), e.problems());
            }
            if (!set.version().equals(version)) {
                throw refused(
                        prefix,
                        "holds profile version " + set.version() + ", not " + version
                                + ": its files were changed after they were pushed");
            }
            return set;
        } finally {
            delete(dir);
        }
    }

    /**
     * Validates the set in {@code dir} as {@code profiles validate} does (destinations too), uploads its files as
     * a new version, then points the store at it.
     *
     * @return the version now in use
     * @throws ProfileException the set is invalid; nothing was uploaded
     */
    public String push(Path dir) throws IOException, ProfileException {
        DestinationSet checked = ProfileLoader.loadDestinations(dir);
        String version = checked.profiles().version();
        String prefix = VERSIONS + version + "/";
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !dir.relativize(f).toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            objects.write(prefix + dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        objects.write(POINTER, (version + "\n").getBytes(StandardCharsets.UTF_8));
        return version;
    }

    /** Where the store is, in words for messages. */
    public String describe() {
        return objects.locate("");
    }

    private ProfileException refused(String key, String message) {
        return new ProfileException(objects.locate(""), List.of(new Problem(key, 0, 0, message)));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

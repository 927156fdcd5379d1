package io.hookline.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Reads the images templates name, relative to the profile set's root, and remembers them for its version. */
final class Images {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final Path root;
    private final Map<String, byte[]> read = new TreeMap<>();

    Images(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The image at path, or an IllegalArgumentException saying why it cannot be used. */
    ImageFile load(String path) {
        Path file = root.resolve(path).normalize();
        if (root.getFileSystem().getPath(path).isAbsolute() || !file.startsWith(root)) {
            throw new IllegalArgumentException("must be a path inside the profile set, such as graphics/logo.png");
        }
        byte[] bytes = read.get(path);
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such file in the profile set");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read it: " + e);
            }
            if (!startsWith(bytes, PNG) && !startsWith(bytes, JPEG)) {
                throw new IllegalArgumentException("must be a PNG or JPEG image");
            }
            read.put(path, bytes);
        }
        return new ImageFile(path, bytes);
    }

    /** Every image read, by path. */
    Map<String, byte[]> files() {
        return Collections.unmodifiableMap(read);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}

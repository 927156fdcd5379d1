package io.hookline.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** A directory on local disk. Temp files sit next to their target so the final rename is atomic. */
public final class LocalClipStore implements ClipStore {
    private static final Set<PosixFilePermission> PUBLISHED = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;

    public LocalClipStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Path newTempFile(String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    }

    @Override
    public void commit(Path temp, String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // Temp files are created private; published files are for everyone who may read the directory.
        Files.setPosixFilePermissions(temp, PUBLISHED);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void write(String key, byte[] bytes) throws IOException {
        Path temp = newTempFile(key);
        try {
            Files.write(temp, bytes);
            commit(temp, key);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String locate(String key) {
        return resolve(key).toString();
    }

    private Path resolve(String key) {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("key escapes the output directory: " + key);
        }
        return target;
    }
}

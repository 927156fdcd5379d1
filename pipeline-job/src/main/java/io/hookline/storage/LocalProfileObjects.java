package io.hookline.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A profile store in a local directory; writes go through {@link LocalClipStore}, so each is a rename. */
final class LocalProfileObjects implements ProfileObjects {
    private final LocalClipStore files;

    LocalProfileObjects(Path root) {
        this.files = new LocalClipStore(root);
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(Path.of(files.locate(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path dir = Path.of(files.locate(prefix));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // Temp files of a write still under way start with a dot.
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> prefix + dir.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void write(String key, byte[] bytes) throws IOException {
        files.write(key, bytes);
    }

    @Override
    public String locate(String key) {
        return files.locate(key);
    }
}

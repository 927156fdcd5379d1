package io.hookline.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An output directory on this machine. */
final class LocalOutputFolder implements OutputFolder {
    private final Path root;

    LocalOutputFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<String> matchIds() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            // Folders such as .publish, _checkpoints or logs are the run's, not matches.
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(name -> Ids.valid(name) && !name.startsWith("_") && !name.equals("logs"))
                    .filter(name -> Files.exists(root.resolve(name).resolve("manifest.json"))
                            || Files.isDirectory(root.resolve(name).resolve("clips")))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public Optional<byte[]> read(String matchId, String file) throws IOException {
        Path path = inside(matchId, file);
        return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
    }

    @Override
    public Optional<String> stamp(String matchId, String file) throws IOException {
        Path path = inside(matchId, file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        // The job moves a new file into place, so its file key (the inode) changes even within one millisecond.
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return Optional.of(
                attributes.fileKey() + "/" + attributes.lastModifiedTime().toMillis() + "/" + attributes.size());
    }

    @Override
    public int storedRenditions(String matchId) throws IOException {
        Path clips = inside(matchId, "clips");
        if (!Files.isDirectory(clips)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(clips, 2)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".mp4"))
                    .count();
        }
    }

    @Override
    public Media media(String matchId, String file) {
        return new Media.Local(inside(matchId, file));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path inside(String matchId, String file) {
        Path dir = root.resolve(Ids.require(matchId, "match id"));
        Path path = dir.resolve(OutputFolder.requireInside(file)).normalize();
        if (!path.startsWith(dir)) {
            throw new Ids.BadIdException("the file '" + file + "' is not inside match " + matchId);
        }
        return path;
    }
}

package io.hookline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Notes when each rendition file first appears in the match directories, by listing them every
 * {@link #INTERVAL_MS} ms. Renditions are written under a hidden temporary name and moved into place, so a
 * file that is there is whole: seeing it is seeing its commit, at most one interval late.
 */
final class RenditionWatch implements AutoCloseable {
    static final long INTERVAL_MS = 200;

    private final List<Path> matchDirs;
    private final Map<Path, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Thread thread;

    RenditionWatch(List<Path> matchDirs) {
        this.matchDirs = List.copyOf(matchDirs);
        this.thread = new Thread(this::run, "rendition-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** When {@code file} was first seen, or null if it never was. */
    Instant firstSeen(Path file) {
        return firstSeen.get(file.toAbsolutePath().normalize());
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Path dir : matchDirs) {
                    look(dir.resolve("clips"));
                }
                Thread.sleep(INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void look(Path clips) {
        if (!Files.isDirectory(clips)) {
            return;
        }
        Instant now = Instant.now();
        try (Stream<Path> files = Files.walk(clips, 2)) {
            files.filter(RenditionWatch::isRendition)
                    .forEach(f -> firstSeen.putIfAbsent(f.toAbsolutePath().normalize(), now));
        } catch (NoSuchFileException | UncheckedIOException e) {
            // A temporary file went away while being listed: the next look sees the result.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRendition(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".mp4") && !name.startsWith(".");
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}

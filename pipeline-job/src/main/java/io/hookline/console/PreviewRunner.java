package io.hookline.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs {@code ./hookline profiles preview} for the set in use, one at a time and in the background (it renders
 * every rendition at full quality), and serves its stills.
 */
final class PreviewRunner implements AutoCloseable {
    private final Path work;
    private final Commands commands;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-preview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> state = new AtomicReference<>("Not rendered yet.");
    private volatile boolean running;

    PreviewRunner(Path work, Commands commands) {
        this.work = work;
        this.commands = commands;
    }

    record Status(boolean running, String describe, List<String> stills) {}

    Status status() throws IOException {
        Path stills = work.resolve("stills");
        List<String> names = List.of();
        if (!running && Files.isDirectory(stills)) {
            try (Stream<Path> files = Files.list(stills)) {
                names = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".png"))
                        .sorted()
                        .toList();
            }
        }
        return new Status(running, state.get(), names);
    }

    /** Starts a preview of {@code profiles} (null: the built-in set) unless one is running. */
    synchronized boolean start(Path profiles) {
        if (running) {
            return false;
        }
        running = true;
        state.set("Rendering the preview…");
        worker.submit(() -> {
            StringWriter out = new StringWriter();
            try {
                List<String> args = new java.util.ArrayList<>(List.of("profiles", "preview", "--out", work.toString()));
                if (profiles != null) {
                    args.addAll(List.of("--profiles", profiles.toString()));
                }
                int code = commands.run(new PrintWriter(out, true), args.toArray(String[]::new));
                String[] lines = out.toString().strip().split("\n");
                state.set((code == 0 ? "Rendered. " : "Finished with exit code " + code + ": ")
                        + lines[lines.length - 1]);
            } catch (RuntimeException e) {
                state.set("The preview failed: " + e.getMessage());
            } finally {
                running = false;
            }
        });
        return true;
    }

    Path still(String name) {
        return work.resolve("stills").resolve(Ids.require(name, "still"));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

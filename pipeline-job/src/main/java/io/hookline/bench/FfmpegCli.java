package io.hookline.bench;

import io.hookline.render.media.Ffmpeg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ffmpeg} program that ships inside JavaCV's FFmpeg jar, the one a user's script would call. It is
 * run with an argument list, never through a shell.
 */
final class FfmpegCli {
    private static final Pattern HIGH_WATER = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final long SAMPLE_MS = 50;
    /** Enough of the log to say why a command failed; the figures ffmpeg prints last are in it too. */
    private static final int KEPT_LINES = 40;

    private final String binary;
    private final String libraryDir;

    private FfmpegCli(String binary) {
        this.binary = binary;
        this.libraryDir = Path.of(binary).getParent().toString();
    }

    /** Extracts the program from the jar (JavaCPP caches it under ~/.javacpp) and its libraries next to it. */
    static FfmpegCli extract() {
        String path = Ffmpeg.program();
        if (path == null) {
            throw new IllegalStateException("JavaCV's FFmpeg jar holds no ffmpeg program for this platform");
        }
        return new FfmpegCli(path);
    }

    String binary() {
        return binary;
    }

    /**
     * What one run left: its exit code, the end of its log, and its peak resident memory (its high-water mark,
     * sampled every 50 ms while it ran).
     */
    record Result(int exitCode, List<String> log, long maxRssBytes) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The first log line that matches, or null. */
        String find(Pattern pattern) {
            for (String line : log) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }

        String failure() {
            return "ffmpeg exited with " + exitCode + ":\n  " + String.join("\n  ", log);
        }
    }

    /** Runs ffmpeg with {@code args} and waits for it; the log is read as it comes so the pipe never fills. */
    Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // The program's own libraries sit next to it, but not every one of them is found through its RUNPATH.
        String inherited = System.getenv("LD_LIBRARY_PATH");
        builder.environment()
                .put(
                        "LD_LIBRARY_PATH",
                        inherited == null || inherited.isBlank() ? libraryDir : libraryDir + ":" + inherited);
        Process process = builder.start();
        // The kernel's own peak (ru_maxrss) carries over from the JVM that started the process; the new
        // program's high-water mark is read from /proc while it runs.
        long[] maxRss = {0};
        Thread sampler = new Thread(
                () -> {
                    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
                    while (process.isAlive()) {
                        try {
                            Matcher m = HIGH_WATER.matcher(Files.readString(status));
                            if (m.find()) {
                                maxRss[0] = Math.max(maxRss[0], Long.parseLong(m.group(1)) * 1024);
                            }
                            Thread.sleep(SAMPLE_MS);
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                },
                "ffmpeg-memory");
        sampler.setDaemon(true);
        sampler.start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                tail.addLast(line);
                if (tail.size() > KEPT_LINES) {
                    tail.removeFirst();
                }
            }
        }
        int exit = process.waitFor();
        sampler.join();
        return new Result(exit, List.copyOf(tail), maxRss[0]);
    }
}

package io.hookline.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the calling thread, and so of the threads it starts (Linux threads inherit
 * their creator's nice value): work that may fill the machine then yields the cores to the work that has to be
 * quick, yet has them all when nothing else runs. Best effort: where the thread's id or {@code renice} is not
 * to be had, the thread runs at normal priority.
 */
final class BackgroundPriority {
    /** Niceness of background render threads: the scheduler gives a thread at 0 about ten times their share. */
    static final int NICE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static volatile boolean warned;

    private BackgroundPriority() {}

    static void lowerCurrentThread() {
        try {
            // /proc/thread-self links to /proc/<pid>/task/<tid>: the kernel's id of this thread.
            Path task = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            String tid = task.getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroyForcibly();
                warnOnce("renice failed");
            }
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            LOG.warn("background renders run at normal priority ({}): first renditions may wait for them", why);
        }
    }
}

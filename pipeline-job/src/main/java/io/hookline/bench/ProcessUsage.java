package io.hookline.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process and its children have used, from the JVM and Linux's /proc: CPU time of every thread of this
 * process (native encoder threads included), CPU time of the child processes it has waited for, and the peak
 * resident memory.
 */
final class ProcessUsage {
    /** Linux reports child CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessUsage() {}

    /** CPU time of all threads of this JVM so far. */
    static long ownCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User plus system time of every child process that has exited and been waited for. */
    static long childrenCpuNanos() {
        try {
            String stat = Files.readString(STAT, StandardCharsets.US_ASCII);
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            long cutime = Long.parseLong(fields[16 - 3]);
            long cstime = Long.parseLong(fields[17 - 3]);
            return (cutime + cstime) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STAT + ": child CPU time is measured on Linux only", e);
        }
    }

    /**
     * Starts a new peak-memory measurement: the kernel resets the process's high-water mark to what it holds now.
     * Returns false where it cannot (an old kernel); the peak then counts from the start of the process.
     */
    static boolean resetPeakRss() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The highest resident memory since the start or the last {@link #resetPeakRss}. */
    static long peakRssBytes() {
        return statusKb("VmHWM:") * 1024;
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split(" +")[0]);
                }
            }
            throw new IllegalStateException(STATUS + " has no " + field);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STATUS, e);
        }
    }
}

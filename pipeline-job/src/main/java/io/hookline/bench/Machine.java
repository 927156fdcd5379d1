package io.hookline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/** The machine a benchmark ran on, from /proc: what the figures mean depends on it, and on how busy it was. */
record Machine(String cpuModel, int cores, long memoryMb, String kernel) {

    /** The first lines a benchmark prints: what it is, when, and on what machine, how busy. */
    String banner(String benchmark, ZonedDateTime date) {
        return String.format(
                "Hookline %s, %s%nMachine: %s, %d cores, %d MB; load %.2f%n",
                benchmark, date, cpuModel, cores, memoryMb, loadAverage()[0]);
    }

    static Machine describe() {
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = cpuinfo.stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown");
        long memKb = lines("/proc/meminfo").stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .orElse(0L);
        List<String> version = lines("/proc/sys/kernel/osrelease");
        return new Machine(
                model,
                Runtime.getRuntime().availableProcessors(),
                memKb / 1024,
                version.isEmpty()
                        ? System.getProperty("os.version")
                        : version.get(0).trim());
    }

    /** The 1, 5 and 15 minute load averages: above the core count, someone else was using the machine too. */
    static double[] loadAverage() {
        List<String> load = lines("/proc/loadavg");
        if (load.isEmpty()) {
            return new double[] {-1, -1, -1};
        }
        String[] f = load.get(0).trim().split(" +");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}

package io.hookline.cli;

import io.hookline.job.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One status line from the job's accumulators. On a terminal it is redrawn in place; into a file or a CI
 * log it is printed when something changed, at most every ten seconds.
 */
final class ProgressLine {
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final Instant started;
    private final boolean terminal = System.console() != null;
    private String last = "";
    private Instant lastPrinted = Instant.EPOCH;

    ProgressLine(PrintWriter out, Instant started) {
        this.out = out;
        this.started = started;
    }

    void show(Map<String, Object> acc) {
        String line = line(acc);
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
        } else if (!line.equals(last)
                && Duration.between(lastPrinted, Instant.now()).compareTo(LOG_INTERVAL) >= 0) {
            out.println(line);
            lastPrinted = Instant.now();
        }
        last = line;
    }

    void finish(Map<String, Object> acc) {
        if (terminal) {
            out.print("\r");
        }
        if (!acc.isEmpty()) {
            out.println(line(acc));
        } else if (terminal) {
            out.println();
        }
    }

    private String line(Map<String, Object> acc) {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        long planned = get(acc, Progress.RENDITIONS_PLANNED);
        long ok = get(acc, Progress.RENDITIONS_OK);
        long failed = get(acc, Progress.RENDITIONS_FAILED);
        String renders = planned == 0
                ? "planning"
                : String.format(
                        "renditions %d/%d done%s", ok + failed, planned, failed > 0 ? " (" + failed + " failed)" : "");
        return String.format(
                "[%d:%02d] events %d read, %d rejected · clips %d planned, %d rendered · %s",
                seconds / 60,
                seconds % 60,
                get(acc, Progress.EVENTS_READ),
                get(acc, Progress.EVENTS_REJECTED),
                get(acc, Progress.CLIPS_PLANNED),
                get(acc, Progress.CLIPS_RENDERED),
                renders);
    }

    private static long get(Map<String, Object> acc, String name) {
        Object v = acc.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }
}

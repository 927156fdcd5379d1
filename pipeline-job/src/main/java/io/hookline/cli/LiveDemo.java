package io.hookline.cli;

import io.hookline.demo.LandedClip;
import io.hookline.demo.LiveRun;
import io.hookline.demo.Percentiles;
import io.hookline.model.RenderedClip;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./hookline demo --live}: runs the embedded live set-up ({@link LiveRun}), prints each clip as it lands
 * on the clips topic with its latency, and ends with the latencies and the matches' summaries.
 *
 * <p>A clip's latency runs from when the video covered its window (the playout published the segment holding
 * its end) to when its record was committed to the clips topic.
 */
final class LiveDemo {
    /** After the last match's video ends: time for its last clips and compilations. */
    private static final Duration TAIL = Duration.ofMinutes(10);

    private final PrintWriter out;
    private Instant started;
    private List<LandedClip> landed = List.of();

    LiveDemo(PrintWriter out) {
        this.out = out;
    }

    /** Runs until every match's final manifest is written and its clips are on the topic; returns the exit code. */
    int run(LiveRun.Settings settings) throws Exception {
        started = Instant.now();
        Duration matchLength = Duration.ofMillis(Math.round(settings.script().durationMs() / settings.speed()));
        out.printf(
                Locale.ROOT,
                "Live: %d match%s of %d:%02d, %d s apart, played out as HLS under %s/%s/;%n"
                        + "events published to an embedded Kafka broker as they happen; clips read back from topic %s.%n"
                        + "Starting the broker and the job ...%n",
                settings.matchIds().size(),
                settings.matchIds().size() == 1 ? "" : "es",
                matchLength.toMinutes(),
                matchLength.toSecondsPart(),
                settings.stagger().toSeconds(),
                settings.out(),
                LiveRun.LIVE_DIR,
                LiveRun.CLIPS_TOPIC);
        LiveRun run = LiveRun.start(settings, this::print);
        Thread onCtrlC = new Thread(() -> closeQuietly(run), "live-demo-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            out.println("The job is running; the first match goes on air now.");
            Duration timeout = matchLength
                    .plus(settings.stagger().multipliedBy(settings.matchIds().size() - 1))
                    .plus(TAIL);
            boolean finished = run.awaitFinished(timeout);
            landed = run.landed();
            run.close();
            if (!finished) {
                out.println("error: the matches did not all finish within " + timeout.toMinutes() + " minutes");
                return ExitCodes.PARTIAL;
            }
            latencies(settings.matchIds());
            int problems = new Summary(out).print(settings.out(), started, Duration.between(started, Instant.now()));
            return problems == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        } finally {
            closeQuietly(run);
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // Shutting down already (Ctrl-C): the hook is running.
            }
        }
    }

    /** The clips the last run saw land, in order. */
    List<LandedClip> landed() {
        return landed;
    }

    private synchronized void print(LandedClip c) {
        RenderedClip clip = c.clip();
        long s = Duration.between(started, c.committedAt()).toSeconds();
        String latency = c.latency() == null
                ? "     -"
                : String.format(Locale.ROOT, "%5.1fs", c.latency().toMillis() / 1000.0);
        out.printf(
                Locale.ROOT,
                "[%d:%02d] %-16s #%-3d %-11s %s  %s%s%n",
                s / 60,
                s % 60,
                clip.getMatchId(),
                clip.getRank(),
                clip.getKind(),
                latency,
                clip.getTitle(),
                clip.getWithdrawn() ? " (withdrawn)" : "");
    }

    private void latencies(List<String> matchIds) {
        out.println();
        out.println("Latency of play clips, from the video covering the play to the clip on the topic:");
        List<Double> all = new ArrayList<>();
        for (String id : matchIds) {
            List<LandedClip> mine = landed.stream()
                    .filter(c -> c.clip().getMatchId().equals(id))
                    .toList();
            List<Double> plays = seconds(mine);
            all.addAll(plays);
            out.printf(
                    Locale.ROOT,
                    "  %-16s %3d clips (%d plays, %d compilations)  %s%n",
                    id,
                    mine.size(),
                    mine.stream().filter(LandedClip::isPlay).count(),
                    mine.stream().filter(c -> !c.isPlay()).count(),
                    describe(Percentiles.of(plays)));
        }
        if (matchIds.size() > 1) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %3d plays                      %s%n",
                    "all",
                    all.size(),
                    describe(Percentiles.of(all)));
        }
    }

    private static List<Double> seconds(List<LandedClip> clips) {
        return clips.stream()
                .filter(c -> c.isPlay() && c.latency() != null && !c.clip().getWithdrawn())
                .map(c -> c.latency().toMillis() / 1000.0)
                .toList();
    }

    private static String describe(Percentiles p) {
        return p.count() == 0
                ? "no latencies"
                : String.format(Locale.ROOT, "p50 %.1f s, p95 %.1f s, max %.1f s", p.p50(), p.p95(), p.max());
    }

    private static void closeQuietly(LiveRun run) {
        try {
            run.close();
        } catch (Exception e) {
            // Stopping anyway: nothing else to do with a failure to stop.
        }
    }
}

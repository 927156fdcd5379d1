package io.hookline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.demo.LiveScript;
import io.hookline.demo.Percentiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The live benchmark's figures: a table for people, bench-live.json for tools, both from the same runs. */
final class LiveBenchReport {
    static final double TARGET_FIRST_RENDITION_P95 = 10;
    static final double TARGET_TOPIC_P95 = 30;

    /** A delay measured from coverage, by its name in the report. */
    private record Stage(String name, String label, Function<LiveClipTiming, Instant> at) {}

    private static final List<Stage> STAGES = List.of(
            new Stage("coverageToFirstRendition", "coverage -> first rendition", LiveClipTiming.FIRST_RENDITION),
            new Stage("coverageToAllRenditions", "coverage -> all renditions", LiveClipTiming.ALL_RENDITIONS),
            new Stage("coverageToClipsTopic", "coverage -> clips topic", LiveClipTiming.TOPIC));

    private final ZonedDateTime date;
    private final Machine machine;
    private final LiveBench.Options options;
    private final LiveScript script;
    private final List<LiveRunFigures> runs = new ArrayList<>();

    LiveBenchReport(ZonedDateTime date, Machine machine, LiveBench.Options options, LiveScript script) {
        this.date = date;
        this.machine = machine;
        this.options = options;
        this.script = script;
    }

    void add(LiveRunFigures run) {
        runs.add(run);
    }

    String runLine(LiveRunFigures r) {
        return String.format(
                Locale.ROOT,
                "  %d of %d play clips timed | first rendition p95 %.1f s | topic p95 %.1f s"
                        + " | backlog max %d | %.0f s wall, %.0f s CPU, peak RSS %.0f MB | load %.2f -> %.2f",
                r.timed().size(),
                r.playClips(),
                r.delays(LiveClipTiming.FIRST_RENDITION).p95(),
                r.delays(LiveClipTiming.TOPIC).p95(),
                r.backlogMax(),
                r.measurement().wallSeconds(),
                r.measurement().cpuSeconds(),
                r.measurement().peakRssMb(),
                r.loadBefore(),
                r.loadAfter());
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(
                Locale.ROOT,
                "Live latency, %d match%s%s%s, medians of %d run%s:%n",
                options.matches(),
                options.matches() == 1 ? "" : "es",
                options.draft() ? " (draft)" : "",
                options.spread() == 1 ? "" : ", plays spread " + options.spread() + " times",
                runs.size(),
                runs.size() == 1 ? "" : "s"));
        t.append(String.format(Locale.ROOT, "  %-30s %8s %8s %8s%n", "", "p50", "p95", "max"));
        for (Stage s : STAGES) {
            t.append(String.format(
                    Locale.ROOT,
                    "  %-30s %7.1fs %7.1fs %7.1fs%n",
                    s.label(),
                    median(r -> r.delays(s.at()).p50()),
                    median(r -> r.delays(s.at()).p95()),
                    median(r -> r.delays(s.at()).max())));
        }
        t.append(String.format(
                Locale.ROOT,
                "  backlog max %.0f clips; %.0f s CPU in %.0f s; peak RSS %.0f MB%n",
                median(r -> r.backlogMax()),
                median(r -> r.measurement().cpuSeconds()),
                median(r -> r.measurement().wallSeconds()),
                median(r -> r.measurement().peakRssMb())));
        t.append(String.format(
                Locale.ROOT,
                "  targets: first rendition p95 <= %.0f s %s; clips topic p95 <= %.0f s %s%n",
                TARGET_FIRST_RENDITION_P95,
                met(median(r -> r.delays(LiveClipTiming.FIRST_RENDITION).p95()), TARGET_FIRST_RENDITION_P95),
                TARGET_TOPIC_P95,
                met(median(r -> r.delays(LiveClipTiming.TOPIC).p95()), TARGET_TOPIC_P95)));
        return t.toString();
    }

    private static String met(double value, double target) {
        return value <= target ? "(met)" : "(missed)";
    }

    private double median(ToDoubleFunction<LiveRunFigures> figure) {
        return Medians.of(runs, figure);
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("date", date.toString());
        root.put(
                "command",
                "./hookline bench --live --matches " + options.matches() + " --runs " + options.runs()
                        + (options.draft() ? " --draft" : "")
                        + (options.spread() == 1 ? "" : " --spread " + options.spread()));
        ObjectNode m = root.putObject("machine");
        m.put("cpu", machine.cpuModel());
        m.put("cores", machine.cores());
        m.put("memoryMb", machine.memoryMb());
        m.put("kernel", machine.kernel());
        ObjectNode setUp = root.putObject("setUp");
        setUp.put("video", script.video().getFileName().toString());
        setUp.put("durationMs", script.durationMs());
        setUp.put("playSpread", options.spread());
        setUp.put(
                "profiles",
                options.profiles() == null ? "built in" : options.profiles().toString());
        setUp.put("matches", options.matches());
        setUp.put("staggerSeconds", options.stagger().toSeconds());
        setUp.put("draft", options.draft());
        options.renditions().forEach(setUp.putArray("renditions")::add);
        setUp.put("parallelism", options.parallelism());
        setUp.put("speed", 1.0);
        method(root.putObject("method"));
        ObjectNode targets = root.putObject("targets");
        targets.put("coverageToFirstRenditionP95Seconds", TARGET_FIRST_RENDITION_P95);
        targets.put("coverageToClipsTopicP95Seconds", TARGET_TOPIC_P95);
        ObjectNode medians = root.putObject("medians");
        for (Stage s : STAGES) {
            ObjectNode d = medians.putObject(s.name());
            d.put("p50Seconds", median(r -> r.delays(s.at()).p50()));
            d.put("p95Seconds", median(r -> r.delays(s.at()).p95()));
            d.put("maxSeconds", median(r -> r.delays(s.at()).max()));
        }
        medians.put("backlogMaxClips", median(r -> r.backlogMax()));
        medians.put("cpuSeconds", median(r -> r.measurement().cpuSeconds()));
        medians.put("wallSeconds", median(r -> r.measurement().wallSeconds()));
        medians.put("peakRssMb", median(r -> r.measurement().peakRssMb()));
        ArrayNode list = root.putArray("runs");
        runs.forEach(r -> run(list.addObject(), r));
        Path temp = file.resolveSibling(file.getFileName() + ".partial");
        json.writeValue(temp.toFile(), root);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void method(ObjectNode method) {
        method.put(
                "coverage",
                "when the HLS playout published (moved into place, with the playlist listing it) the"
                        + " segment holding the clip's sourceEndMs; every delay is measured from it");
        method.put(
                "firstRendition",
                "directory poll: the match directory's clips/ is listed every "
                        + RenditionWatch.INTERVAL_MS
                        + " ms and each rendition file's first sighting is its commit (they are"
                        + " written under a temporary name and moved into place); the earliest of the clip's renditions");
        method.put("allRenditions", "the same poll: the latest of the clip's renditions");
        method.put(
                "clipsTopic",
                "when a read_committed consumer of the clips topic (fetch.max.wait.ms 100) received"
                        + " the clip's record, i.e. after the checkpoint that commits it");
        method.put("backlog", "job accumulators once a second: clips planned minus clips rendered, over all matches");
        method.put("cpu", "CPU time of every thread of the process: the job, the Kafka broker, the playouts and feeds");
        method.put("peakRss", "the process's VmHWM, reset at the start of each run");
        method.put("medians", "each figure is the median over the runs of that run's figure");
    }

    private static void run(ObjectNode node, LiveRunFigures r) {
        node.put("run", r.run());
        node.put("wallSeconds", r.measurement().wallSeconds());
        node.put("cpuSeconds", r.measurement().cpuSeconds());
        node.put("peakRssMb", r.measurement().peakRssMb());
        node.put("loadBefore", r.loadBefore());
        node.put("loadAfter", r.loadAfter());
        node.put("playClips", r.playClips());
        node.put("playClipsTimed", r.timed().size());
        for (Stage s : STAGES) {
            Percentiles p = r.delays(s.at());
            ObjectNode d = node.putObject(s.name());
            d.put("p50Seconds", p.p50());
            d.put("p95Seconds", p.p95());
            d.put("maxSeconds", p.max());
        }
        node.put("backlogMaxClips", r.backlogMax());
        ArrayNode backlog = node.putArray("backlog");
        r.backlog().forEach(b -> backlog.addArray().add(b.seconds()).add(b.clips()));
        ArrayNode clips = node.putArray("clips");
        for (LiveClipTiming c : r.timed()) {
            ObjectNode n = clips.addObject();
            n.put("matchId", c.matchId());
            n.put("clipId", c.clipId());
            n.put("rank", c.rank());
            n.put("title", c.title());
            n.put("sourceEndMs", c.sourceEndMs());
            n.put("coveredAt", c.coveredAt().toString());
            n.put("firstRenditionAt", c.firstRenditionAt().toString());
            n.put("allRenditionsAt", c.allRenditionsAt().toString());
            n.put("clipsTopicAt", c.topicAt().toString());
            for (Stage s : STAGES) {
                n.put(s.name() + "Seconds", c.secondsTo(s.at()));
            }
        }
    }
}

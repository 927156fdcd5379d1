package io.hookline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.render.media.SourceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The benchmark's figures: a table for people, bench.json for tools, both from the same runs. */
final class BenchReport {
    static final double TARGET_THROUGHPUT_RATIO = 3.0;
    static final double TARGET_FLOOR_RATIO = 1.3;
    static final double TARGET_SSIM = 0.98;

    private record WayFigures(Bench.Way way, Measurement measurement, double load) {}

    private final ZonedDateTime date;
    private final Machine machine;
    private final BenchMatch match;
    private final SourceInfo source;
    private final Bench.Options options;
    private final List<BenchClip> clips;
    private final List<RunFigures> runs = new ArrayList<>();
    private final List<WayFigures> ways = new ArrayList<>();
    private Map<String, List<Double>> ssim = Map.of();

    BenchReport(
            ZonedDateTime date,
            Machine machine,
            BenchMatch match,
            SourceInfo source,
            Bench.Options options,
            List<BenchClip> clips) {
        this.date = date;
        this.machine = machine;
        this.match = match;
        this.source = source;
        this.options = options;
        this.clips = clips;
    }

    void add(RunFigures run) {
        runs.add(run);
    }

    void ssim(Map<String, List<Double>> perProfile) {
        this.ssim = perProfile;
    }

    void way(Bench.Way way, Measurement m, double load) {
        ways.add(new WayFigures(way, m, load));
    }

    String describeMatch() {
        long compilations = clips.stream().filter(BenchClip::compilation).count();
        int files = clips.stream().mapToInt(c -> c.recipes().size()).sum();
        return String.format(
                Locale.ROOT,
                "Match: %d s of %dx%d at %.0f fps with %d-channel sound; %d clips (%d plays,"
                        + " %d compilations) in %d renditions: %d files, %.0f s of video (%.0f s in compilations)",
                match.durationMs() / 1000,
                source.width(),
                source.height(),
                source.fps(),
                source.audioChannels(),
                clips.size(),
                clips.size() - compilations,
                compilations,
                Bench.profileNames(clips).size(),
                files,
                outputSeconds(),
                BenchClip.outputSeconds(
                        clips.stream().filter(BenchClip::compilation).toList()));
    }

    String runLine(RunFigures r) {
        return String.format(
                Locale.ROOT,
                "  Hookline %.0f s wall, %.0f s CPU | baseline %.0f s wall, %.0f s CPU"
                        + " (%.2fx) | encode-only %.0f s CPU (Hookline %.2fx) | load %.2f -> %.2f",
                r.hookline().wallSeconds(),
                r.hookline().cpuSeconds(),
                r.baseline().wallSeconds(),
                r.baseline().cpuSeconds(),
                r.throughputRatio(),
                r.floor().cpuSeconds(),
                r.floorRatio(),
                r.loadBefore(),
                r.loadAfter());
    }

    double outputSeconds() {
        return BenchClip.outputSeconds(clips);
    }

    String table() {
        StringBuilder t = new StringBuilder();
        double seconds = outputSeconds();
        t.append(describeMatch()).append('\n');
        t.append(String.format(
                Locale.ROOT,
                "Medians of %d run%s; Hookline at parallelism %d, the baseline %d ffmpeg" + " processes at once%n%n",
                runs.size(),
                runs.size() == 1 ? "" : "s",
                options.parallelism(),
                options.processes()));
        t.append(String.format(
                Locale.ROOT, "%-28s %9s %9s %16s %12s%n", "", "wall s", "CPU s", "out s / CPU s", "peak RSS MB"));
        row(
                t,
                "Hookline (the job)",
                median(r -> r.hookline().wallSeconds()),
                median(r -> r.hookline().cpuSeconds()),
                seconds,
                median(r -> r.hookline().peakRssMb()));
        row(
                t,
                "Baseline (ffmpeg per file)",
                median(r -> r.baseline().wallSeconds()),
                median(r -> r.baseline().cpuSeconds()),
                seconds,
                median(r -> r.baseline().peakRssMb()));
        row(t, "Encode-only lower bound", Double.NaN, median(r -> r.floor().cpuSeconds()), seconds, Double.NaN);
        t.append(String.format(
                Locale.ROOT,
                "%n(the baseline's peak RSS is its largest ffmpeg process; the lower bound"
                        + " is x264 %.0f s + AAC %.0f s, on %d distinct segments; decoding its frames took %.0f s and"
                        + " filtering them %.0f s more)%n%n",
                median(r -> r.floor().videoEncodeSeconds()),
                median(r -> r.floor().audioEncodeSeconds()),
                runs.isEmpty() ? 0 : runs.get(0).floor().segments(),
                median(r -> r.floor().decodeSeconds()),
                median(r -> r.floor().filterSeconds())));
        double ratio = median(RunFigures::throughputRatio);
        double floor = median(RunFigures::floorRatio);
        t.append(String.format(
                Locale.ROOT,
                "Hookline / baseline throughput  %5.2fx (wall %.2fx)   target >= %.1fx  %s%n",
                ratio,
                median(RunFigures::wallRatio),
                TARGET_THROUGHPUT_RATIO,
                verdict(ratio >= TARGET_THROUGHPUT_RATIO)));
        t.append(String.format(
                Locale.ROOT,
                "Hookline / lower bound CPU      %5.2fx                target <= %.1fx  %s%n",
                floor,
                TARGET_FLOOR_RATIO,
                verdict(floor <= TARGET_FLOOR_RATIO)));
        if (!ssim.isEmpty()) {
            t.append(String.format(Locale.ROOT, "%nSSIM of Hookline's renditions against the baseline's (per clip)%n"));
            t.append(String.format(Locale.ROOT, "%-20s %8s %8s %6s%n", "profile", "median", "min", "clips"));
            boolean all = true;
            for (Map.Entry<String, List<Double>> e : ssim.entrySet()) {
                double med = Medians.of(e.getValue());
                all &= med >= TARGET_SSIM;
                t.append(String.format(
                        Locale.ROOT,
                        "%-20s %8.4f %8.4f %6d%n",
                        e.getKey(),
                        med,
                        e.getValue().stream()
                                .mapToDouble(Double::doubleValue)
                                .min()
                                .orElse(Double.NaN),
                        e.getValue().size()));
            }
            t.append(String.format(Locale.ROOT, "every profile's median >= %.2f  %s%n", TARGET_SSIM, verdict(all)));
        }
        if (!ways.isEmpty()) {
            double cpu = median(r -> r.hookline().cpuSeconds());
            double wall = median(r -> r.hookline().wallSeconds());
            t.append(String.format(
                    Locale.ROOT, "%nWhat each choice is worth (one run each, against the medians above)%n"));
            for (WayFigures w : ways) {
                t.append(String.format(
                        Locale.ROOT,
                        "  Hookline %-60s %6.0f s wall (%.2fx), %6.0f s CPU (%.2fx)%n",
                        w.way().meaning(),
                        w.measurement().wallSeconds(),
                        w.measurement().wallSeconds() / wall,
                        w.measurement().cpuSeconds(),
                        w.measurement().cpuSeconds() / cpu));
            }
        }
        return t.toString();
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("date", date.toString());
        ObjectNode m = root.putObject("machine");
        m.put("cpuModel", machine.cpuModel());
        m.put("cores", machine.cores());
        m.put("memoryMb", machine.memoryMb());
        m.put("kernel", machine.kernel());
        ObjectNode mt = root.putObject("match");
        mt.put("durationS", match.durationMs() / 1000.0);
        mt.put("width", source.width());
        mt.put("height", source.height());
        mt.put("fps", source.fps());
        mt.put("audioChannels", source.audioChannels());
        mt.put("clips", clips.size());
        mt.put("compilations", clips.stream().filter(BenchClip::compilation).count());
        mt.put("renditions", clips.stream().mapToInt(c -> c.recipes().size()).sum());
        mt.put("outputSeconds", outputSeconds());
        mt.put(
                "compilationOutputSeconds",
                BenchClip.outputSeconds(
                        clips.stream().filter(BenchClip::compilation).toList()));
        ArrayNode profiles = mt.putArray("profiles");
        Bench.profileNames(clips).forEach(profiles::add);
        ObjectNode s = root.putObject("settings");
        s.put("runs", runs.size());
        s.put("quick", options.quick());
        s.put("parallelism", options.parallelism());
        s.put("baselineProcesses", options.processes());

        ObjectNode med = root.putObject("medians");
        measurement(
                med.putObject("hookline"),
                median(r -> r.hookline().wallSeconds()),
                median(r -> r.hookline().cpuSeconds()),
                median(r -> r.hookline().peakRssMb()));
        measurement(
                med.putObject("baseline"),
                median(r -> r.baseline().wallSeconds()),
                median(r -> r.baseline().cpuSeconds()),
                median(r -> r.baseline().peakRssMb()));
        ObjectNode floor = med.putObject("lowerBound");
        floor.put("cpuS", median(r -> r.floor().cpuSeconds()));
        floor.put("throughput", outputSeconds() / median(r -> r.floor().cpuSeconds()));
        floor.put("x264S", median(r -> r.floor().videoEncodeSeconds()));
        floor.put("aacS", median(r -> r.floor().audioEncodeSeconds()));
        floor.put("decodeS", median(r -> r.floor().decodeSeconds()));
        floor.put("filterS", median(r -> r.floor().filterSeconds()));
        med.put("throughputRatio", median(RunFigures::throughputRatio));
        med.put("wallRatio", median(RunFigures::wallRatio));
        med.put("lowerBoundRatio", median(RunFigures::floorRatio));

        ObjectNode targets = root.putObject("targets");
        targets.put("throughputRatioAtLeast", TARGET_THROUGHPUT_RATIO);
        targets.put("throughputRatioMet", median(RunFigures::throughputRatio) >= TARGET_THROUGHPUT_RATIO);
        targets.put("lowerBoundRatioAtMost", TARGET_FLOOR_RATIO);
        targets.put("lowerBoundRatioMet", median(RunFigures::floorRatio) <= TARGET_FLOOR_RATIO);
        targets.put("ssimAtLeast", TARGET_SSIM);
        targets.put("ssimMet", !ssim.isEmpty() && ssim.values().stream().allMatch(v -> Medians.of(v) >= TARGET_SSIM));

        ObjectNode q = root.putObject("ssim");
        ssim.forEach((profile, values) -> {
            ObjectNode p = q.putObject(profile);
            p.put("median", Medians.of(values));
            p.put("min", values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
            ArrayNode all = p.putArray("perClip");
            values.forEach(all::add);
        });

        ArrayNode raw = root.putArray("runs");
        for (RunFigures r : runs) {
            ObjectNode o = raw.addObject();
            o.put("run", r.run());
            o.put("loadBefore", r.loadBefore());
            o.put("loadAfter", r.loadAfter());
            measurement(
                            o.putObject("hookline"),
                            r.hookline().wallSeconds(),
                            r.hookline().cpuSeconds(),
                            r.hookline().peakRssMb())
                    .put("segmentsEncoded", r.segmentsEncoded());
            measurement(
                    o.putObject("baseline"),
                    r.baseline().wallSeconds(),
                    r.baseline().cpuSeconds(),
                    r.baseline().peakRssMb());
            ObjectNode f = o.putObject("lowerBound");
            f.put("cpuS", r.floor().cpuSeconds());
            f.put("x264S", r.floor().videoEncodeSeconds());
            f.put("aacS", r.floor().audioEncodeSeconds());
            f.put("decodeS", r.floor().decodeSeconds());
            f.put("filterS", r.floor().filterSeconds());
            f.put("segments", r.floor().segments());
            f.put("frames", r.floor().frames());
            o.put("throughputRatio", r.throughputRatio());
            o.put("lowerBoundRatio", r.floorRatio());
        }
        ArrayNode variants = root.putArray("ways");
        for (WayFigures w : ways) {
            ObjectNode o = variants.addObject();
            o.put("name", w.way().name());
            o.put("meaning", w.way().meaning());
            o.put("load", w.load());
            measurement(
                    o.putObject("hookline"),
                    w.measurement().wallSeconds(),
                    w.measurement().cpuSeconds(),
                    w.measurement().peakRssMb());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        Files.write(temp, mapper.writeValueAsBytes(root));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private ObjectNode measurement(ObjectNode o, double wall, double cpu, double rssMb) {
        o.put("wallS", wall);
        o.put("cpuS", cpu);
        o.put("throughput", outputSeconds() / cpu);
        o.put("peakRssMb", rssMb);
        return o;
    }

    private double median(ToDoubleFunction<RunFigures> figure) {
        return Medians.of(runs, figure);
    }

    private static void row(StringBuilder t, String name, double wall, double cpu, double seconds, double rss) {
        t.append(String.format(
                Locale.ROOT,
                "%-28s %9s %9.0f %16.2f %12s%n",
                name,
                Double.isNaN(wall) ? "-" : String.format(Locale.ROOT, "%.0f", wall),
                cpu,
                seconds / cpu,
                Double.isNaN(rss) ? "-" : String.format(Locale.ROOT, "%.0f", rss)));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}

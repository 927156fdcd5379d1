package io.hookline.profiles;

import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds one {@code profiles/*.yaml} file to {@link RenditionProfile}s. */
final class RenditionBinder {

    // A rendition's name becomes an output file name, so it stays plain.
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    // H.264 with 4:2:0 chroma needs even sides; 4096 is the largest side any destination takes.
    private static final Range FRAME_SIDE = Range.of(16, 4096);
    private static final Range CLIP_SECONDS = Range.of(0, 3600);
    private static final List<String> FITS =
            Arrays.stream(Fit.values()).map(fit -> fit.name().toLowerCase(Locale.ROOT)).toList();
    private static final List<String> CODECS = List.of("h264");
    private static final List<String> H264_PROFILES = List.of("baseline", "main", "high");
    private static final List<String> H264_LEVELS = List.of(
            "1.0", "1b", "1.1", "1.2", "1.3", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2",
            "4.0", "4.1", "4.2", "5.0", "5.1", "5.2", "6.0", "6.1", "6.2");
    private static final List<String> X264_PRESETS = List.of(
            "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");
    private static final List<Integer> SAMPLE_RATES = List.of(8000, 16000, 22050, 24000, 32000, 44100, 48000);

    private final String file;
    private final Map<String, Location> names;
    private final List<Problem> problems;

    /**
     * @param names every rendition name seen so far, in this file or earlier ones, with where it was defined
     */
    RenditionBinder(String file, Map<String, Location> names, List<Problem> problems) {
        this.file = file;
        this.names = names;
        this.problems = problems;
    }

    List<RenditionProfile> bind(YamlNode root) {
        return MapReader.read(root, "top level", problems,
                        top -> top.map("renditions", this::renditions).orElse(List.of()))
                .orElse(List.of());
    }

    private List<RenditionProfile> renditions(MapReader renditions) {
        if (renditions.entries().isEmpty()) {
            problems.add(Problem.at(renditions.location(), "renditions: expected at least one rendition"));
        }
        List<RenditionProfile> result = new ArrayList<>();
        for (Entry entry : renditions.entries()) {
            String name = entry.key().text();
            Location here = entry.key().location();
            if (!NAME.matcher(name).matches()) {
                problems.add(Problem.at(here, "rendition name '" + name
                        + "' must be lower-case letters and digits in groups joined by '-'"));
            }
            Location first = names.putIfAbsent(name, here);
            if (first != null) {
                problems.add(Problem.at(here, "duplicate rendition '" + name + "'; already defined at "
                        + first.file() + ":" + first.line() + ":" + first.column()));
            }
            MapReader.read(entry.value(), name, problems, rendition -> rendition(name, rendition))
                    .ifPresent(result::add);
        }
        return result;
    }

    private RenditionProfile rendition(String name, MapReader rendition) {
        String description = rendition.text("description");
        // A part that is missing or wrong is already reported, and the whole set is then discarded.
        VideoSpec video = rendition.map("video", this::video).orElse(null);
        AudioSpec audio = rendition.map("audio", this::audio).orElse(null);
        DurationLimits duration = rendition.map("duration", this::duration).orElse(new DurationLimits(0, 0));
        // 0 or absent: the destination has no size limit.
        double sizeCapMb = rendition.decimal("sizeCapMB", Range.of(0, 10_000), 0);
        return new RenditionProfile(name, description, file, video, audio,
                duration.minMs(), duration.maxMs(), Units.bytes(sizeCapMb));
    }

    private VideoSpec video(MapReader video) {
        int width = video.integer("width", FRAME_SIDE);
        int height = video.integer("height", FRAME_SIDE);
        if (width % 2 != 0) {
            video.reject("width", "must be even");
        }
        if (height % 2 != 0) {
            video.reject("height", "must be even");
        }
        return new VideoSpec(
                width,
                height,
                video.decimal("fps", Range.of(1, 120)),
                fit(video.oneOf("fit", FITS)),
                video.oneOf("codec", CODECS),
                video.oneOf("profile", H264_PROFILES),
                video.oneOf("level", H264_LEVELS),
                // Clips are cut and joined at keyframes, so a GOP longer than a few seconds makes cuts coarse.
                video.decimal("gopSeconds", Range.above(0, 10)),
                video.oneOf("preset", X264_PRESETS),
                video.integer("crf", Range.of(0, 51)),
                video.integer("maxBitrateKbps", Range.of(1, 200_000)));
    }

    private AudioSpec audio(MapReader audio) {
        return new AudioSpec(
                audio.oneOfIntegers("sampleRate", SAMPLE_RATES),
                audio.integer("channels", Range.of(1, 2)),
                audio.integer("bitrateKbps", Range.of(1, 512)));
    }

    private DurationLimits duration(MapReader duration) {
        double min = duration.decimal("minSeconds", CLIP_SECONDS);
        double max = duration.decimal("maxSeconds", CLIP_SECONDS);
        if (min >= max) {
            duration.reject("minSeconds", "must be less than maxSeconds");
        }
        return new DurationLimits(Units.millis(min), Units.millis(max));
    }

    private static Fit fit(String name) {
        return name.isEmpty() ? null : Fit.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private record DurationLimits(long minMs, long maxMs) {}
}

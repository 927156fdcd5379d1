package io.hookline.profiles;

import io.hookline.profiles.Inheritance.Resolved;
import io.hookline.profiles.YamlNode.Kind;
import io.hookline.profiles.YamlNode.MapNode;
import io.hookline.profiles.YamlNode.Scalar;
import io.hookline.vocabulary.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Binds one rendition of {@code profiles/*.yaml}, with its bases applied, to a {@link RenditionProfile}. An
 * abstract rendition is checked as far as it goes (it need not be complete) but is not rendered.
 */
final class RenditionBinder {

    static final String TOP_KEY = "renditions";

    // H.264 with 4:2:0 chroma needs even sides; 4096 is the largest side any destination takes.
    private static final Range FRAME_SIDE = Range.of(16, 4096);
    private static final Range CLIP_SECONDS = Range.of(0, 3600);
    static final List<String> FITS = YamlNames.all(Fit.values());
    static final List<String> REFRAMES = YamlNames.all(Reframe.values());
    static final List<String> CODECS = List.of("h264");
    static final List<String> H264_PROFILES = List.of("baseline", "main", "high");
    static final List<String> H264_LEVELS = List.of(
            "1.0", "1b", "1.1", "1.2", "1.3", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2", "4.0", "4.1", "4.2", "5.0",
            "5.1", "5.2", "6.0", "6.1", "6.2");
    static final List<String> X264_PRESETS =
            List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");
    static final List<Integer> SAMPLE_RATES = List.of(8000, 16000, 22050, 24000, 32000, 44100, 48000);
    // Integrated loudness from quiet broadcast (-23 LUFS, EBU R128) to loud social feeds; true peak up to 0 dBTP.
    private static final Range LOUDNESS_LUFS = Range.of(-30, -5);
    private static final Range TRUE_PEAK_DBTP = Range.of(-9, 0);
    static final List<String> CONTAINERS = List.of("mp4");
    // A margin of half the frame or more would leave graphics no room at all.
    private static final double MAX_MARGIN = 0.5;

    private final Collection<String> templates;

    /** @param templates the names of every graphics template, which a rendition's graphics must be one of */
    RenditionBinder(Collection<String> templates) {
        this.templates = templates;
    }

    /** Whether a rendition says {@code abstract: true}; only its own key counts, bases' are not inherited. */
    static boolean isAbstract(YamlNode node) {
        return node instanceof MapNode map
                && map.get(Inheritance.ABSTRACT)
                        .filter(v -> v instanceof Scalar s && s.kind() == Kind.TRUE)
                        .isPresent();
    }

    /**
     * Checks name's effective declaration and binds it; empty when it is abstract or could not be resolved
     * (what it says is still checked as far as it goes).
     */
    Optional<RenditionProfile> bind(String name, Resolved resolved, ReadContext context) {
        boolean partial = isAbstract(resolved.effective()) || !resolved.complete();
        String file = resolved.effective().location().file();
        Optional<RenditionProfile> profile = MapReader.read(
                resolved.effective(),
                TOP_KEY + "." + name,
                context.inheriting(name, resolved.inherited()),
                partial,
                rendition -> rendition(name, file, rendition));
        return partial ? Optional.empty() : profile;
    }

    private RenditionProfile rendition(String name, String file, MapReader rendition) {
        String description = rendition.text("description");
        // Checked by Inheritance, which resolves it; read here so it counts as known and shows in explain.
        rendition.optionalText(Inheritance.EXTENDS);
        rendition.bool(Inheritance.ABSTRACT, false);
        String graphics = rendition.text("graphics");
        if (!graphics.isEmpty() && !templates.contains(graphics)) {
            String hint = templates.isEmpty()
                    ? ", which defines none"
                    : Suggestions.closest(graphics, templates)
                            .map(t -> "; did you mean '" + t + "'?")
                            .orElse("; known: " + String.join(", ", templates));
            rendition.report("graphics", "no template named '" + graphics + "' in graphics/*.yaml" + hint);
        }
        // A part that is missing or wrong is already reported, and the whole set is then discarded.
        VideoSpec video = rendition.map("video", this::video).orElse(null);
        AudioSpec audio = rendition.map("audio", this::audio).orElse(null);
        Container container = rendition.map("container", this::container).orElse(null);
        int width = video == null ? 0 : video.width();
        int height = video == null ? 0 : video.height();
        SafeZone safeZone =
                rendition.map("safeZone", zone -> safeZone(zone, width, height)).orElse(null);
        DurationLimits duration = rendition.map("duration", this::duration).orElse(new DurationLimits(0, 0));
        // 0 or absent: the destination has no size limit.
        double sizeCapMb = rendition.decimal("sizeCapMB", Range.of(0, 10_000), 0);
        return new RenditionProfile(
                name,
                description,
                file,
                video,
                audio,
                container,
                safeZone,
                graphics,
                duration.minMs(),
                duration.maxMs(),
                Units.bytes(sizeCapMb));
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
        double fps = video.decimal("fps", Range.of(1, 120));
        Fit fit = YamlNames.parse(Fit.class, video.oneOf("fit", FITS));
        // A padded frame shows the whole picture, so there is nothing to follow.
        Reframe reframe = YamlNames.parse(
                Reframe.class,
                video.oneOf(
                        "reframe", REFRAMES, YamlNames.of(fit == Fit.PAD ? Reframe.CENTER : Reframe.FOLLOW_ACTION)));
        if (fit == Fit.PAD && reframe == Reframe.FOLLOW_ACTION) {
            video.reject("reframe", "only a crop can follow the action; fit: pad shows the whole picture");
        }
        return new VideoSpec(
                width,
                height,
                fps,
                fit,
                reframe,
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
                audio.integer("bitrateKbps", Range.of(1, 512)),
                audio.decimal("loudnessLufs", LOUDNESS_LUFS),
                audio.decimal("truePeakDbtp", TRUE_PEAK_DBTP),
                audio.decimal("maxGainDb", Range.of(0, 40), AudioSpec.DEFAULT_MAX_GAIN_DB));
    }

    private Container container(MapReader container) {
        return new Container(
                container.oneOf("format", CONTAINERS), container.bool("moovFirst"), container.bool("editLists"));
    }

    /** Each side is optional (0%); pixels are a share of the frame side they are measured along. */
    private SafeZone safeZone(MapReader zone, int width, int height) {
        return new SafeZone(
                margin(zone, "top", height, "height"),
                margin(zone, "bottom", height, "height"),
                margin(zone, "left", width, "width"),
                margin(zone, "right", width, "width"));
    }

    private static double margin(MapReader zone, String key, int side, String along) {
        Length length = zone.parsed(key, Length::parse, Length.ZERO);
        double fraction = length == null ? Double.NaN : length.fractionOf(side);
        if (fraction >= MAX_MARGIN) {
            String half = side > 0 ? " (" + side / 2 + "px)" : "";
            zone.reject(key, "must be less than half the frame " + along + half);
        }
        return Double.isNaN(fraction) || fraction >= MAX_MARGIN ? 0 : fraction;
    }

    private DurationLimits duration(MapReader duration) {
        double min = duration.decimal("minSeconds", CLIP_SECONDS);
        double max = duration.decimal("maxSeconds", CLIP_SECONDS);
        if (min >= max) {
            duration.reject("minSeconds", "must be less than maxSeconds");
        }
        return new DurationLimits(Units.millis(min), Units.millis(max));
    }

    private record DurationLimits(long minMs, long maxMs) {}
}

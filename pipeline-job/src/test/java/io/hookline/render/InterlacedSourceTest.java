package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.sample.SyntheticVideo;
import io.hookline.storage.LocalClipStore;
import io.hookline.testing.CombMeter;
import io.hookline.testing.DecodedClip;
import io.hookline.testing.InterlacedVideo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 25i source (fields of a frame-numbered 50p video) rendered at its own size, so nothing but deinterlacing
 * could hide its combing: each output frame must read as its first field's source frame, every frame of each cut
 * there in order, and no picture may comb as the source's do.
 */
class InterlacedSourceTest {
    private static final Segment HOOK = new Segment(SegmentRole.hook, 4_000L, 5_000L, 1.0);
    private static final Segment BODY = new Segment(SegmentRole.body, 1_000L, 3_500L, 1.0);
    private static final int INTERLACED_FPS = 25;
    /**
     * {@link CombMeter} shares of combed pixels: the woven source's worst picture is above the first (0.26 % here),
     * the progressive source reads 0, and a deinterlaced picture keeps a little at the frame code's band edges.
     */
    private static final double COMBED = 0.002;

    private static final double PROGRESSIVE = 0.001;

    @TempDir
    static Path dir;

    static Path progressive;
    static ProfileSet profiles;

    @BeforeAll
    static void media() throws Exception {
        progressive = dir.resolve("progressive.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 50, 6_000, true, List.of(4_000L)), progressive);
        profiles = ProfileLoader.load(profiles(dir.resolve("profiles")));
    }

    @ParameterizedTest(name = "stream coded as interlaced: {0}")
    @ValueSource(booleans = {true, false})
    void anInterlacedSourceIsDeinterlacedOnceAndCutFrameExact(boolean flagged, @TempDir Path out) throws Exception {
        Path video = dir.resolve((flagged ? "flagged" : "unflagged") + ".mp4");
        InterlacedVideo.write(progressive, video, flagged);

        RenderedClip clip;
        try (FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles, video.toString(), new LocalClipStore(out), RenderSettings.defaults(), SegmentCache.NONE)) {
            clip = renderer.render(
                    FfmpegClipRendererTest.plan("c-interlaced", List.of(HOOK, BODY), List.of("same-size")));
        }

        Rendition r = clip.getRenditions().get(0);
        assertThat(r.getStatus()).as(String.valueOf(r.getError())).isEqualTo(RenditionStatus.ok);
        Path file = out.resolve("m").resolve(r.getPath());
        List<Long> expected = new ArrayList<>();
        expected.addAll(firstFields(HOOK));
        expected.addAll(firstFields(BODY));
        assertThat(DecodedClip.decode(file).sourceFrames())
                .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        assertThat(CombMeter.worst(video)).as("the source's combing").isGreaterThan(COMBED);
        assertThat(CombMeter.worst(file)).as("combing left in the clip").isLessThan(PROGRESSIVE);
        assertThat(clip.getNotes())
                .anyMatch(n -> n.startsWith("the source is interlaced, top field first (")
                        && n.endsWith("): deinterlaced once with bwdif before scaling"));
    }

    /** The numbers an output frame at 25 fps shows for a segment: the top field's, source frame 2k for frame k. */
    private static List<Long> firstFields(Segment s) {
        List<Long> out = new ArrayList<>();
        long first = s.getSourceStartMs() * INTERLACED_FPS / 1000;
        long frames = Math.round((s.getSourceEndMs() - s.getSourceStartMs()) * INTERLACED_FPS / 1000.0);
        for (long k = first; k < first + frames; k++) {
            out.add(2 * k);
        }
        return out;
    }

    /** The shipped rules and one rendition the source's own size and rate: no scaling to blur the fields. */
    private static Path profiles(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.createDirectories(dir.resolve("graphics"));
        try (InputStream rules = ProfileLoader.class.getResourceAsStream("/hookline-profiles/rules/highlights.yaml")) {
            Files.copy(rules, dir.resolve("rules/highlights.yaml"));
        }
        Files.writeString(dir.resolve("profiles/same-size.yaml"), """
                renditions:
                  same-size:
                    description: the source's own frame, for tests
                    graphics: plain
                    video: {width: 640, height: 360, fps: 25, fit: crop, codec: h264, profile: main, level: "3.0",
                            gopSeconds: 1, preset: ultrafast, crf: 18, maxBitrateKbps: 4000}
                    audio: {sampleRate: 48000, channels: 2, bitrateKbps: 64, loudnessLufs: -14, truePeakDbtp: -1}
                    container: {format: mp4, moovFirst: true, editLists: false}
                    safeZone: {}
                    duration: {minSeconds: 1, maxSeconds: 60}
                """);
        Files.writeString(dir.resolve("graphics/plain.yaml"), """
                templates:
                  plain:
                    caption: {enabled: false}
                """);
        return dir;
    }
}

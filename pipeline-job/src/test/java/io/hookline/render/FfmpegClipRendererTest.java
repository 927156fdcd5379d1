package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.AudioSpec;
import io.hookline.profiles.GraphicsTemplate;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.analysis.AudioLevels;
import io.hookline.render.media.EncodedPacket;
import io.hookline.render.media.MediaProbe;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.SourceReader;
import io.hookline.sample.SyntheticVideo;
import io.hookline.storage.LocalClipStore;
import io.hookline.testing.DecodedClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders one clip of a frame-numbered synthetic video into every shipped rendition, decodes each result
 * and proves frame by frame what it holds: the hook's source frames first, then the body's, nothing
 * dropped or repeated beyond what the frame-rate change implies, and sound in sync with the picture.
 */
class FfmpegClipRendererTest {
    static final int SOURCE_FPS = 50;
    /** The match video every test cuts from: a sync beep each second, and a roar from 5.5 s. */
    static final SyntheticVideo.Spec SOURCE =
            new SyntheticVideo.Spec(1280, 720, SOURCE_FPS, 12_000, true, List.of(5_500L));

    private static final Segment HOOK = new Segment(SegmentRole.hook, 5_000L, 6_500L, 1.0);
    private static final Segment BODY = new Segment(SegmentRole.body, 2_000L, 9_000L, 1.0);

    /** An AAC encoder's priming, 1024 samples at 48 kHz, and a little more. */
    private static final long AAC_PRIMING_US = 25_000;

    @TempDir
    static Path dir;

    static ProfileSet profiles;
    static RenderedClip clip;

    @BeforeAll
    static void render() throws Exception {
        profiles = ProfileLoader.loadBundled();
        Path video = dir.resolve("source.mp4");
        SyntheticVideo.write(SOURCE, video);
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                video.toString(),
                new LocalClipStore(dir.resolve("out")),
                RenderSettings.defaults(),
                SegmentCache.NONE);
        clip = renderer.render(plan("c-oracle", List.of(HOOK, BODY), profiles.renditionNames()));
    }

    static Stream<String> renditions() throws Exception {
        return ProfileLoader.loadBundled().renditionNames().stream();
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void holdsTheHookThenTheBodyFrameByFrame(String name) throws Exception {
        RenditionProfile profile = profiles.rendition(name);
        DecodedClip decoded = DecodedClip.decode(file(name));

        List<Long> expected = new ArrayList<>();
        expected.addAll(sourceFrames(HOOK, profile.video().fps()));
        expected.addAll(sourceFrames(BODY, profile.video().fps()));
        // Then the outro card, which shows no match picture.
        expected.addAll(Collections.nCopies(outroFrames(profiles, profile), DecodedClip.UNREADABLE));
        assertThat(decoded.sourceFrames())
                .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        // The clip opens on the peak: its first frame is the hook's first source frame.
        assertThat(decoded.sourceFrames()[0]).isEqualTo(HOOK.getSourceStartMs() * SOURCE_FPS / 1000);
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void keepsSoundInSyncWithinOneFrame(String name) throws Exception {
        RenditionProfile profile = profiles.rendition(name);
        DecodedClip decoded = DecodedClip.decode(file(name));
        List<DecodedClip.SyncMark> marks = decoded.syncMarks(SOURCE_FPS);

        // One beep per source second: 1 in the hook (5 s... 6.5 s holds frame 300) plus 7 in the body.
        assertThat(marks).hasSizeGreaterThanOrEqualTo(7);
        long oneFrameUs = Math.round(1e6 / profile.video().fps());
        for (DecodedClip.SyncMark mark : marks) {
            if (!profile.container().editLists() && mark.ptsUs() < AAC_PRIMING_US) {
                // Without an edit list a player starts on the encoder's priming: that first moment is silent.
                continue;
            }
            assertThat(mark.beepOffsetUs())
                    .as("beep for source frame %d", mark.sourceFrame())
                    .isPresent();
            assertThat(Math.abs(mark.beepOffsetUs().getAsLong()))
                    .as("audio offset at source frame %d", mark.sourceFrame())
                    .isLessThanOrEqualTo(oneFrameUs);
        }
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void meetsItsProfile(String name) throws Exception {
        RenditionProfile profile = profiles.rendition(name);
        Rendition r = rendition(name);
        MediaProbe.Result probe = MediaProbe.probe(file(name));
        long frames = sourceFrames(HOOK, profile.video().fps()).size()
                + sourceFrames(BODY, profile.video().fps()).size()
                + outroFrames(profiles, profile);

        assertThat(r.getStatus()).isEqualTo(RenditionStatus.ok);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.videoProfile()).isEqualToIgnoringCase(profile.video().profile());
        assertThat(probe.width()).isEqualTo(profile.video().width());
        assertThat(probe.height()).isEqualTo(profile.video().height());
        assertThat(probe.fps()).isEqualTo(profile.video().fps());
        assertThat(probe.frames()).isEqualTo(frames);
        assertThat(probe.durationMs())
                .isCloseTo(Math.round(frames * 1000 / profile.video().fps()), org.assertj.core.data.Offset.offset(50L));
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.sampleRate()).isEqualTo(profile.audio().sampleRate());
        assertThat(probe.channels()).isEqualTo(profile.audio().channels());
        assertThat(probe.moovBeforeMdat()).as("faststart").isTrue();
        if (!profile.container().editLists()) {
            assertThat(probe.editLists()).as("no edit lists").isFalse();
        }
        assertThat(probe.maxGopFrames())
                .as("longest GOP")
                .isLessThanOrEqualTo(profile.video().gopFrames());
        AudioLevels levels = AudioLevels.of(file(name).toString());
        assertThat(levels.integratedLufs())
                .as("loudness")
                .isCloseTo(profile.audio().loudnessLufs(), within(1.0));
        assertThat(levels.truePeakDbtp())
                .as("true peak")
                .isLessThanOrEqualTo(profile.audio().truePeakDbtp());
        if (profile.hasSizeCap()) {
            assertThat(probe.bytes()).isLessThan(profile.sizeCapBytes());
        }
        assertThat(r.getBytes()).isEqualTo(probe.bytes());
        assertThat(r.getSha256()).hasSize(64);
        assertThat(r.getPath()).isEqualTo(ClipKeys.renditionPath("c-oracle", name));
    }

    @Test
    void aCompilationDecodesEachStretchOnceAndPlaysItsSegmentsInOrder(@TempDir Path out) throws Exception {
        List<Segment> segments = List.of(
                new Segment(SegmentRole.teaser, 9_000L, 9_600L, 1.0),
                new Segment(SegmentRole.body, 1_000L, 3_000L, 1.0),
                new Segment(SegmentRole.body, 8_000L, 11_000L, 1.0));
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                dir.resolve("source.mp4").toString(),
                new LocalClipStore(out),
                RenderSettings.defaults(),
                SegmentCache.NONE);
        RenderedClip result = renderer.render(plan("c-compilation", segments, List.of("youtube-landscape")));

        DecodedClip decoded = DecodedClip.decode(
                out.resolve("m/" + result.getRenditions().get(0).getPath()));
        List<Long> expected = new ArrayList<>();
        segments.forEach(seg -> expected.addAll(sourceFrames(seg, 50)));
        expected.addAll(Collections.nCopies(
                outroFrames(profiles, profiles.rendition("youtube-landscape")), DecodedClip.UNREADABLE));
        assertThat(decoded.sourceFrames())
                .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        // A beep starts every source second: 50 and 100 in the first segment, 400, 450 and 500 in the second (the
        // first may fall in the audio's priming, where no beep can be heard).
        List<DecodedClip.SyncMark> marks = decoded.syncMarks(SOURCE_FPS);
        assertThat(marks)
                .extracting(DecodedClip.SyncMark::sourceFrame)
                .hasSizeGreaterThanOrEqualTo(4)
                .isSubsetOf(50L, 100L, 400L, 450L, 500L);
        for (DecodedClip.SyncMark mark : marks) {
            assertThat(Math.abs(mark.beepOffsetUs().orElseThrow())).isLessThanOrEqualTo(20_000);
        }
    }

    @Test
    void aStretchTwoClipsShowIsEncodedOnceAndJoinedByPacketCopy(@TempDir Path out) throws Exception {
        Path segments = out.resolve("segments");
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                dir.resolve("source.mp4").toString(),
                new LocalClipStore(out),
                RenderSettings.defaults(),
                new DiskSegmentCache(segments));
        Segment other = new Segment(SegmentRole.body, 9_500L, 11_500L, 1.0);
        RenderedClip play = renderer.render(plan("c-play", List.of(HOOK, BODY), List.of("youtube-landscape")));
        assertThat(files(segments)).as("hook, body and outro card encoded").hasSize(3);

        RenderedClip compilation = renderer.render(plan("c-reel", List.of(BODY, other), List.of("youtube-landscape")));
        assertThat(files(segments))
                .as("only the new stretch encoded; the same outro card reused")
                .hasSize(4);

        DecodedClip decoded = DecodedClip.decode(
                out.resolve("m/" + compilation.getRenditions().get(0).getPath()));
        List<Long> expected = new ArrayList<>(sourceFrames(BODY, 50));
        expected.addAll(sourceFrames(other, 50));
        expected.addAll(Collections.nCopies(
                outroFrames(profiles, profiles.rendition("youtube-landscape")), DecodedClip.UNREADABLE));
        assertThat(decoded.sourceFrames())
                .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        // Beeps at every source second: 100 to 400 in the body, 500 and 550 in the other stretch.
        List<DecodedClip.SyncMark> marks = decoded.syncMarks(SOURCE_FPS);
        assertThat(marks)
                .extracting(DecodedClip.SyncMark::sourceFrame)
                .hasSizeGreaterThanOrEqualTo(8)
                .isSubsetOf(100L, 150L, 200L, 250L, 300L, 350L, 400L, 500L, 550L);
        for (DecodedClip.SyncMark mark : marks) {
            assertThat(Math.abs(mark.beepOffsetUs().orElseThrow())).isLessThanOrEqualTo(20_000);
        }
        assertThat(play.getRenditions().get(0).getStatus()).isEqualTo(RenditionStatus.ok);
    }

    @Test
    void renditionsThatShowAStretchAlikeEncodeItOnceBetweenThem(@TempDir Path out) throws Exception {
        // Reels and Stories share frame, graphics and encoder settings: their segments have the same keys.
        List<String> twins = List.of("instagram-reels", "instagram-stories");
        DiskSegmentCache disk = new DiskSegmentCache(out.resolve("segments"));
        List<String> puts = Collections.synchronizedList(new ArrayList<>());
        SegmentCache counting = new SegmentCache() {
            @Override
            public Optional<List<EncodedPacket>> get(String key) {
                return disk.get(key);
            }

            @Override
            public void put(String key, List<EncodedPacket> packets) {
                puts.add(key);
                disk.put(key, packets);
            }
        };
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                dir.resolve("source.mp4").toString(),
                new LocalClipStore(out),
                RenderSettings.defaults(),
                counting);
        RenderedClip result = renderer.render(plan("c-twins", List.of(HOOK, BODY), twins));

        assertThat(puts)
                .as("hook, body and outro card, each encoded once")
                .hasSize(3)
                .doesNotHaveDuplicates();
        for (Rendition r : result.getRenditions()) {
            assertThat(r.getStatus()).isEqualTo(RenditionStatus.ok);
            RenditionProfile profile = profiles.rendition(r.getProfile());
            List<Long> expected =
                    new ArrayList<>(sourceFrames(HOOK, profile.video().fps()));
            expected.addAll(sourceFrames(BODY, profile.video().fps()));
            expected.addAll(Collections.nCopies(outroFrames(profiles, profile), DecodedClip.UNREADABLE));
            assertThat(DecodedClip.decode(out.resolve("m/" + r.getPath())).sourceFrames())
                    .as(r.getProfile())
                    .containsExactly(
                            expected.stream().mapToLong(Long::longValue).toArray());
        }
    }

    @Test
    void renditionsSharingAFilteredFrameEachDrawOnlyTheirOwnGraphics(@TempDir Path out) throws Exception {
        // TikTok and Shorts crop and scale alike (one filtered frame feeds both) but place their graphics apart.
        List<String> pair = List.of("tiktok", "youtube-shorts");
        RenditionRecipe tiktok = recipe("tiktok");
        assertThat(tiktok.filterChain()).isEqualTo(recipe("youtube-shorts").filterChain());
        assertThat(tiktok.pans()).isTrue();

        Map<String, byte[]> together = renderSegments(out.resolve("together"), pair);
        Map<String, byte[]> alone = new HashMap<>(renderSegments(out.resolve("tiktok"), List.of("tiktok")));
        alone.putAll(renderSegments(out.resolve("shorts"), List.of("youtube-shorts")));

        // The encoder is deterministic: a segment's bytes differ only if its pictures do.
        assertThat(together.keySet()).isEqualTo(alone.keySet());
        together.forEach((key, bytes) -> assertThat(bytes).as("segment %s", key).isEqualTo(alone.get(key)));
    }

    @Test
    void renditionsSpreadOverLanesComeOutAsFromOneLane(@TempDir Path out) throws Exception {
        // Two filter groups (9:16 and 16:9), so the renditions really go to both lanes.
        List<String> renditions = List.of("youtube-landscape", "tiktok", "youtube-shorts", "x");
        Map<String, byte[]> one = renderSegments(out.resolve("one"), renditions, new RenderSettings(2, 1, 1, false));
        Map<String, byte[]> two = renderSegments(out.resolve("two"), renditions, new RenderSettings(2, 1, 2, false));

        assertThat(two.keySet()).isEqualTo(one.keySet());
        two.forEach((file, bytes) -> assertThat(bytes).as(file).isEqualTo(one.get(file)));
    }

    /** Renders the play into {@code renditions} in one pass; the encoded segments it cached, by file name. */
    private static Map<String, byte[]> renderSegments(Path out, List<String> renditions) throws Exception {
        return renderSegments(out, renditions, RenderSettings.defaults());
    }

    /**
     * Renders the play into {@code renditions} in one pass; the encoded segments it cached and the renditions it
     * stored, by file name.
     */
    private static Map<String, byte[]> renderSegments(Path out, List<String> renditions, RenderSettings settings)
            throws Exception {
        Path segments = out.resolve("segments");
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                dir.resolve("source.mp4").toString(),
                new LocalClipStore(out),
                settings,
                new DiskSegmentCache(segments));
        RenderedClip result = renderer.render(plan("c-shared", List.of(HOOK, BODY), renditions));
        assertThat(result.getRenditions())
                .allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(RenditionStatus.ok));
        Map<String, byte[]> bytes = new HashMap<>();
        for (Path file : files(segments)) {
            bytes.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        for (Rendition r : result.getRenditions()) {
            bytes.put(r.getPath(), Files.readAllBytes(out.resolve("m/" + r.getPath())));
        }
        return bytes;
    }

    private static RenditionRecipe recipe(String name) throws Exception {
        SourceInfo info = SourceReader.probe(dir.resolve("source.mp4").toString());
        return RenditionRecipe.forClip(
                        profiles, plan("c-shared", List.of(HOOK, BODY), List.of(name)), info, RenderSettings.defaults())
                .get(0);
    }

    /** The encoded segments a {@link DiskSegmentCache} holds in {@code dir}. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".seg")).toList();
        }
    }

    @Test
    void aMissingVideoFailsEveryRenditionWithTheReason(@TempDir Path out) {
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                out.resolve("nope.mp4").toString(),
                new LocalClipStore(out),
                RenderSettings.defaults(),
                SegmentCache.NONE);
        RenderedClip result = renderer.render(plan("c-missing", List.of(HOOK, BODY), profiles.renditionNames()));
        assertThat(result.getRenditions()).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(RenditionStatus.failed);
            assertThat(r.getError()).contains("video not found").contains("nope.mp4");
        });
    }

    @Test
    void aVideoWithoutSoundGetsSilenceAndANote(@TempDir Path out) throws Exception {
        Path silent = out.resolve("silent.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 25, 4_000, false, List.of()), silent);
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles, silent.toString(), new LocalClipStore(out), RenderSettings.defaults(), SegmentCache.NONE);
        RenderedClip result = renderer.render(
                plan("c-silent", List.of(new Segment(SegmentRole.body, 500L, 2_500L, 1.0)), List.of("whatsapp")));

        assertThat(result.getRenditions().get(0).getStatus()).isEqualTo(RenditionStatus.ok);
        assertThat(result.getNotes()).anySatisfy(n -> assertThat(n).contains("no audio"));
        DecodedClip decoded = DecodedClip.decode(
                out.resolve("m/" + result.getRenditions().get(0).getPath()));
        assertThat(decoded.audioCodec()).isEqualTo("aac");
        assertThat(decoded.rmsDbfs(0, decoded.durationUs())).isLessThan(-80);
    }

    @Test
    void aSourceTooQuietForTheGainCapIsDeliveredWithAWarningNotFailed(@TempDir Path out) throws Exception {
        // WhatsApp at its own target, but the source may be raised by nothing: it stays well under the target.
        RenditionProfile whatsapp = profiles.rendition("whatsapp");
        AudioSpec a = whatsapp.audio();
        RenditionProfile capped = new RenditionProfile(
                "whatsapp-capped",
                whatsapp.description(),
                whatsapp.file(),
                whatsapp.video(),
                new AudioSpec(a.sampleRate(), a.channels(), a.bitrateKbps(), -5, a.truePeakDbtp(), 0),
                whatsapp.container(),
                whatsapp.safeZone(),
                whatsapp.graphics(),
                whatsapp.minDurationMs(),
                whatsapp.maxDurationMs(),
                whatsapp.sizeCapBytes());
        List<RenditionProfile> renditions = new ArrayList<>(profiles.renditions());
        renditions.add(capped);
        ProfileSet set = new ProfileSet(profiles.version(), profiles.rules(), renditions, profiles.graphics());
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                set,
                dir.resolve("source.mp4").toString(),
                new LocalClipStore(out),
                RenderSettings.defaults(),
                SegmentCache.NONE);

        RenderedClip result = renderer.render(plan("c-quiet", List.of(BODY), List.of("whatsapp-capped")));

        assertThat(result.getRenditions().get(0).getStatus()).isEqualTo(RenditionStatus.ok);
        assertThat(result.getNotes())
                .anySatisfy(n -> assertThat(n)
                        .matches("warning: whatsapp-capped: loudness -\\d+\\.\\d"
                                + " LUFS, under the -5\\.0 target: the source is at -\\d+\\.\\d LUFS and the gain is capped at \\+0 dB"
                                + " \\(audio\\.maxGainDb\\)"));
    }

    /** The frames of the outro card the rendition's graphics template ends clips with. */
    static int outroFrames(ProfileSet profiles, RenditionProfile profile) {
        GraphicsTemplate.Card outro = profiles.template(profile.graphics()).outro();
        return outro == null
                ? 0
                : (int) Math.round(outro.durationMs() * profile.video().fps() / 1000);
    }

    /** The source frames a rendition at {@code fps} shows for a segment: the frame on screen at each output tick. */
    static List<Long> sourceFrames(Segment s, double fps) {
        long first = s.getSourceStartMs() * SOURCE_FPS / 1000;
        long frames = Math.round((s.getSourceEndMs() - s.getSourceStartMs()) * fps / 1000);
        List<Long> out = new ArrayList<>();
        for (long k = 0; k < frames; k++) {
            out.add(first + (long) Math.floor(k * SOURCE_FPS / fps + 1e-9));
        }
        return out;
    }

    private static Path file(String name) {
        return dir.resolve("out/m").resolve(rendition(name).getPath());
    }

    private static Rendition rendition(String name) {
        return clip.getRenditions().stream()
                .filter(r -> r.getProfile().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static ClipPlan plan(String id, List<Segment> segments, List<String> renditions) {
        long start =
                segments.stream().mapToLong(Segment::getSourceStartMs).min().orElseThrow();
        long end = segments.stream().mapToLong(Segment::getSourceEndMs).max().orElseThrow();
        return ClipPlan.newBuilder()
                .setClipId(id)
                .setMatchId("m")
                .setKind(ClipKind.play)
                .setRank(1)
                .setScore(1.0)
                .setTitle("Goal")
                .setRule("test")
                .setProfileVersion("test")
                .setPlayIds(List.of("p-1"))
                .setSourceStartMs(start)
                .setSourceEndMs(end)
                .setPeakMs(5_750L)
                .setSegments(segments)
                .setRenditions(renditions)
                .setExplanation("GOAL 1.00")
                .build();
    }
}

package io.hookline.render;

import static io.hookline.render.FfmpegClipRendererTest.SOURCE_FPS;
import static io.hookline.render.FfmpegClipRendererTest.files;
import static io.hookline.render.FfmpegClipRendererTest.outroFrames;
import static io.hookline.render.FfmpegClipRendererTest.plan;
import static io.hookline.render.FfmpegClipRendererTest.sourceFrames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.sample.SyntheticVideo;
import io.hookline.storage.LocalClipStore;
import io.hookline.testing.DecodedClip;
import io.hookline.testing.DecodedClip.AudioBlock;
import io.hookline.testing.DecodedClip.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compilation of three plays whose own clips were rendered first: every stretch it shows is already encoded with
 * its settings, so its picture is those packets copied and joined, not a new encode. Decoding it proves, in a 50 fps
 * landscape and a 30 fps vertical rendition, that the copy plays as if it had been encoded in one go: each
 * stretch's source frames in order, a steady frame clock with a keyframe at every join, and sound that runs on
 * without a hole or a dropout and stays in sync after each join. Copying saves the encode only if nothing shows
 * where the copies meet, so the joins are where each check looks hardest.
 */
class StreamCopyCompilationTest {
    private static final List<String> RENDITIONS = List.of("youtube-landscape", "tiktok");
    /**
     * The three plays' bodies, each holding a sync beep: the first two start on one, the second ends in the roar,
     * the third starts on the quiet crowd between two beeps.
     */
    private static final List<Segment> BODIES = List.of(
            new Segment(SegmentRole.body, 1_000L, 2_500L, 1.0),
            new Segment(SegmentRole.body, 4_000L, 5_600L, 1.0),
            new Segment(SegmentRole.body, 8_300L, 9_800L, 1.0));
    /** The whole-second source frames the bodies show, each of which starts a beep. */
    private static final Long[] BEEP_FRAMES = {50L, 100L, 200L, 250L, 450L};
    /** How far a block of sound may start from where the one before ended: far less than one AAC frame. */
    private static final long AUDIO_HOLE_US = 1_000;

    private static final int AAC_FRAME_SAMPLES = 1024;
    /**
     * A stretch of sound quieter than this is a dropout: after levelling the crowd bed sits between -28 and -20
     * dBFS, and near -30 dBFS where a cut's two fades meet.
     */
    private static final double DROPOUT_DBFS = -40;

    @TempDir
    static Path dir;

    static ProfileSet profiles;
    static List<RenderedClip> plays = new ArrayList<>();
    static Map<Path, FileTime> segmentsAfterPlays;
    static Map<Path, FileTime> segmentsAfterCompilation;
    static RenderedClip compilation;
    static Map<String, DecodedClip> decodedRenditions = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        profiles = ProfileLoader.loadBundled();
        Path video = dir.resolve("source.mp4");
        SyntheticVideo.write(FfmpegClipRendererTest.SOURCE, video);
        Path segments = dir.resolve("segments");
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                video.toString(),
                new LocalClipStore(dir.resolve("out")),
                RenderSettings.defaults(),
                new DiskSegmentCache(segments));
        for (int i = 0; i < BODIES.size(); i++) {
            plays.add(renderer.render(plan("c-play-" + i, List.of(BODIES.get(i)), RENDITIONS)));
        }
        segmentsAfterPlays = written(segments);
        compilation = renderer.render(ClipPlan.newBuilder(plan("c-reel", BODIES, RENDITIONS))
                .setKind(ClipKind.compilation)
                .build());
        segmentsAfterCompilation = written(segments);
        for (Rendition r : compilation.getRenditions()) {
            if (r.getStatus() == RenditionStatus.ok) {
                Path file = dir.resolve("out/m").resolve(r.getPath());
                decodedRenditions.put(r.getProfile(), DecodedClip.decode(file));
            }
        }
    }

    static Stream<String> renditions() {
        return RENDITIONS.stream();
    }

    @Test
    void encodesNoStretchAgain() {
        assertThat(Stream.concat(plays.stream(), Stream.of(compilation)).flatMap(c -> c.getRenditions().stream()))
                .allSatisfy(r -> assertThat(r.getStatus())
                        .as("%s: %s", r.getProfile(), r.getError())
                        .isEqualTo(RenditionStatus.ok));
        // Each play's body and each rendition's outro card, encoded once per rendition.
        assertThat(segmentsAfterPlays).hasSize((BODIES.size() + 1) * RENDITIONS.size());
        assertThat(segmentsAfterCompilation)
                .as("segments after the compilation: all reused, none written")
                .isEqualTo(segmentsAfterPlays);
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void showsEachStretchFrameByFrame(String name) {
        assertThat(decoded(name).sourceFrames()).containsExactly(expectedFrames(profiles.rendition(name)));
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void keepsItsFrameClockAndStartsEveryJoinOnAKeyframe(String name) {
        RenditionProfile profile = profiles.rendition(name);
        double fps = profile.video().fps();
        long[] expected = expectedFrames(profile);
        List<VideoFrame> frames = decoded(name).frames();

        // After each join, and into the outro card: on time, the right picture, a keyframe, undamaged.
        List<Integer> joins = new ArrayList<>(joins(fps));
        joins.add(expected.length - outroFrames(profiles, profile));
        for (int join : joins) {
            assertThat(frames.get(join))
                    .as("first frame after the join at frame %d", join)
                    .isEqualTo(new VideoFrame(timeUs(join, fps), expected[join], true, false));
        }
        for (int k = 0; k < frames.size(); k++) {
            // One frame duration after the other, across joins too: no gap, no repeat, no step back.
            assertThat(frames.get(k).ptsUs())
                    .as("presentation time of frame %d", k)
                    .isCloseTo(timeUs(k, fps), within(1L));
            assertThat(frames.get(k).damaged()).as("frame %d damaged", k).isFalse();
        }
        assertThat(frames).hasSize(expected.length);
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void soundsOnWithoutAHoleOrADropout(String name) {
        DecodedClip sound = decoded(name);
        double fps = profiles.rendition(name).video().fps();
        List<AudioBlock> blocks = sound.audioBlocks();

        assertThat(sound.audioStartUs()).as("start of the sound").isCloseTo(0L, within(AUDIO_HOLE_US));
        for (int i = 1; i < blocks.size(); i++) {
            AudioBlock previous = blocks.get(i - 1);
            long end = previous.ptsUs() + Math.round(previous.samples() * 1e6 / sound.sampleRate());
            assertThat(blocks.get(i).ptsUs()).as("start of sound block %d", i).isCloseTo(end, within(AUDIO_HOLE_US));
        }
        // The last AAC frame is whole: the sound may run on into it, past the last picture.
        long videoEndUs = timeUs(sound.frames().size(), fps);
        assertThat(sound.audioEndUs())
                .as("end of the sound")
                .isBetween(
                        videoEndUs - AUDIO_HOLE_US, videoEndUs + AAC_FRAME_SAMPLES * 1_000_000L / sound.sampleRate());
        // Each cut fades out and in over 5 ms; every 10 ms around a join still holds the crowd, never a silent hole.
        for (int join : joins(fps)) {
            long at = timeUs(join, fps);
            for (long from = at - 50_000; from < at + 50_000; from += 5_000) {
                assertThat(sound.rmsDbfs(from, from + 10_000))
                        .as("level %d ms from the join at frame %d", (from - at) / 1000, join)
                        .isGreaterThan(DROPOUT_DBFS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renditions")
    void staysInSyncAfterEveryJoin(String name) {
        List<DecodedClip.SyncMark> marks = decoded(name).syncMarks(SOURCE_FPS);

        assertThat(marks).extracting(DecodedClip.SyncMark::sourceFrame).containsExactly(BEEP_FRAMES);
        for (DecodedClip.SyncMark mark : marks) {
            assertThat(mark.beepOffsetUs())
                    .as("beep for source frame %d", mark.sourceFrame())
                    .isPresent();
            assertThat(Math.abs(mark.beepOffsetUs().getAsLong()))
                    .as("audio offset at source frame %d", mark.sourceFrame())
                    .isLessThanOrEqualTo(20_000);
        }
    }

    /** The source frame each output frame shows: the bodies in order, then the outro card, which shows none. */
    private static long[] expectedFrames(RenditionProfile profile) {
        List<Long> expected = new ArrayList<>();
        BODIES.forEach(
                body -> expected.addAll(sourceFrames(body, profile.video().fps())));
        expected.addAll(Collections.nCopies(outroFrames(profiles, profile), DecodedClip.UNREADABLE));
        return expected.stream().mapToLong(Long::longValue).toArray();
    }

    /** The output frames where the second and later bodies start: the joins between stretches. */
    private static List<Integer> joins(double fps) {
        List<Integer> joins = new ArrayList<>();
        int next = 0;
        for (Segment body : BODIES) {
            if (next > 0) {
                joins.add(next);
            }
            next += sourceFrames(body, fps).size();
        }
        return joins;
    }

    private static long timeUs(long frame, double fps) {
        return Math.round(frame * 1e6 / fps);
    }

    /** The compilation in one rendition, decoded; a rendition that failed fails the test with its reason. */
    private static DecodedClip decoded(String name) {
        Rendition r = compilation.getRenditions().stream()
                .filter(c -> c.getProfile().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(r.getStatus()).as("%s: %s", name, r.getError()).isEqualTo(RenditionStatus.ok);
        return decodedRenditions.get(name);
    }

    /** The segments in the cache and when each was written. */
    private static Map<Path, FileTime> written(Path segments) throws IOException {
        Map<Path, FileTime> written = new HashMap<>();
        for (Path file : files(segments)) {
            written.put(file, Files.getLastModifiedTime(file));
        }
        return written;
    }
}

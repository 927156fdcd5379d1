package io.hookline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hookline.testing.DecodedClip;
import io.hookline.testing.ToneDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticVideoTest {
    private static final int FPS = 50;
    private static final long FRAME_US = 1_000_000 / FPS;
    /** Four seconds with a roar at 1.5 s, so the beep at 2 s sits inside it. */
    private static final SyntheticVideo.Spec SPEC =
            new SyntheticVideo.Spec(640, 360, FPS, 4_000, true, List.of(1_500L));

    @TempDir
    static Path dir;

    private static Path video;
    private static DecodedClip clip;

    @BeforeAll
    static void writeAndDecode() throws IOException {
        video = dir.resolve("synthetic.mp4");
        SyntheticVideo.write(SPEC, video);
        clip = DecodedClip.decode(video);
    }

    @Test
    void everyFrameIsPresentOnceInOrderAtItsExactTime() {
        assertThat(clip.sourceFrames()).containsExactly(LongStream.range(0, 200).toArray());
        assertThat(clip.frames())
                .allSatisfy(frame -> assertThat(frame.ptsUs()).isEqualTo(frame.sourceFrame() * FRAME_US));
    }

    @Test
    void streamMatchesTheSpec() {
        assertThat(clip.videoCodec()).isEqualTo("h264");
        assertThat(clip.width()).isEqualTo(640);
        assertThat(clip.height()).isEqualTo(360);
        assertThat(clip.frameRate()).isEqualTo(50.0);
        assertThat(clip.durationUs()).isCloseTo(4_000_000L, within(FRAME_US));
        assertThat(clip.audioCodec()).isEqualTo("aac");
        assertThat(clip.sampleRate()).isEqualTo(48_000);
        assertThat(clip.audioChannels()).isEqualTo(2);
    }

    @Test
    void aBeepStartsWithEverySecondEvenInsideARoar() {
        List<DecodedClip.SyncMark> marks = clip.syncMarks(FPS);

        assertThat(marks).extracting(DecodedClip.SyncMark::sourceFrame).containsExactly(0L, 50L, 100L, 150L);
        // One frame is the contract; the source itself is far tighter than that.
        for (DecodedClip.SyncMark mark : marks) {
            assertThat(mark.beepOffsetUs())
                    .as("beep at frame %d", mark.sourceFrame())
                    .isPresent();
            assertThat(mark.beepOffsetUs().getAsLong())
                    .as("offset at frame %d", mark.sourceFrame())
                    .isBetween(-2_000L, 2_000L);
        }
        assertThat(clip.beeps())
                .hasSize(4)
                .extracting(ToneDetector.Tone::durationUs)
                .allSatisfy(duration -> assertThat(duration).isCloseTo(FRAME_US, within(3_000L)));
    }

    @Test
    void crowdBedIsQuietAndTheRoarIsLoud() {
        assertThat(clip.rmsDbfs(100_000, 900_000)).as("bed").isCloseTo(-30, within(2.0));
        assertThat(clip.rmsDbfs(1_600_000, 1_980_000)).as("roar").isCloseTo(-8, within(2.0));
        assertThat(clip.rmsDbfs(3_600_000, 3_950_000)).as("after the roar").isCloseTo(-30, within(2.0));
    }

    @Test
    void theSameSpecGivesTheSameFile() throws IOException {
        Path again = dir.resolve("again.mp4");
        SyntheticVideo.write(SPEC, again);

        assertThat(Files.mismatch(video, again)).isEqualTo(-1L);
    }

    @Test
    void canLeaveTheAudioOut() throws IOException {
        Path silent = dir.resolve("silent.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(320, 180, 10, 1_000, false, List.of()), silent);
        DecodedClip decoded = DecodedClip.decode(silent);

        assertThat(decoded.hasAudio()).isFalse();
        assertThatThrownBy(() -> decoded.syncMarks(10)).hasMessageContaining("no audio");
        assertThat(decoded.sourceFrames())
                .containsExactly(LongStream.range(0, 10).toArray());
    }

    @Test
    void rejectsSpecsItCannotHonour() {
        assertThatThrownBy(() -> new SyntheticVideo.Spec(641, 360, 25, 1_000, true, List.of()))
                .hasMessageContaining("even");
        assertThatThrownBy(() -> new SyntheticVideo.Spec(640, 360, 7, 1_000, true, List.of()))
                .hasMessageContaining("fps");
        assertThatThrownBy(() -> new SyntheticVideo.Spec(640, 360, 25, 10, true, List.of()))
                .hasMessageContaining("duration");
    }
}

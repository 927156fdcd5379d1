package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hookline.sample.SyntheticVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MP4 facts publishers check limits with, read from real encoded files. */
class Mp4FactsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDurationAndTheVideoTracksSizeOfAnEncodedClip() throws Exception {
        Path vertical = dir.resolve("vertical.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(180, 320, 25, 3_200, true, List.of()), vertical);

        Mp4Facts facts = Mp4Facts.read(vertical);

        assertThat(facts.width()).isEqualTo(180);
        assertThat(facts.height()).isEqualTo(320);
        assertThat(facts.vertical()).isTrue();
        // The audio track may run a few milliseconds past the last frame.
        assertThat(facts.durationMs()).isCloseTo(3_200L, within(60L));
    }

    @Test
    void aFileThatIsNoMp4IsSaidToBeNone() throws Exception {
        Path text = Files.writeString(dir.resolve("clip.mp4"), "not a video at all, just text");
        Path cut = dir.resolve("cut.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(180, 320, 25, 1_000, false, List.of()), cut);
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, 200));

        assertThatThrownBy(() -> Mp4Facts.read(text))
                .isInstanceOf(Mp4Facts.NotMp4Exception.class)
                .hasMessageContaining("clip.mp4 is not an MP4 file");
        assertThatThrownBy(() -> Mp4Facts.read(cut))
                .isInstanceOf(Mp4Facts.NotMp4Exception.class)
                .hasMessageContaining("cut.mp4");
    }
}

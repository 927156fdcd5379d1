package io.hookline.render.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.InterlacedVideo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a source was scanned, found from real files: progressive, and interlaced with and without the stream's flags. */
class FieldOrderProbeTest {
    @TempDir
    static Path dir;

    static Path progressive;

    @BeforeAll
    static void media() throws Exception {
        progressive = dir.resolve("progressive.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 50, 4_000, false, List.of()), progressive);
    }

    @Test
    void aProgressiveVideoIsProgressive() {
        FieldOrderProbe.Result found = detect(progressive);

        assertThat(found.order()).as(found.evidence()).isEqualTo(FieldOrder.PROGRESSIVE);
    }

    @Test
    void fieldsCodedAsInterlacedAreFoundTopFieldFirstThoughTheFlagsSayBottom() throws Exception {
        Path video = dir.resolve("flagged.mp4");
        InterlacedVideo.write(progressive, video, true);

        FieldOrderProbe.Result found = detect(video);

        assertThat(found.order()).as(found.evidence()).isEqualTo(FieldOrder.TOP_FIRST);
        // The encoder was never told which field comes first: its stream says bottom, the pictures say top.
        assertThat(found.evidence()).endsWith("the stream's flags say interlaced, bottom field first");
    }

    @Test
    void fieldsInAStreamThatSaysProgressiveAreFoundFromThePictures() throws Exception {
        Path video = dir.resolve("unflagged.mp4");
        InterlacedVideo.write(progressive, video, false);

        FieldOrderProbe.Result found = detect(video);

        assertThat(found.order()).as(found.evidence()).isEqualTo(FieldOrder.TOP_FIRST);
        assertThat(found.evidence()).endsWith("the stream's flags say progressive");
    }

    private static FieldOrderProbe.Result detect(Path video) {
        try (SourceReader reader = SourceReader.open(video.toString(), 1)) {
            return FieldOrderProbe.detect(
                    (start, end, sink) -> reader.decodeWindow(start, end, sink, null),
                    0,
                    reader.info().fps());
        }
    }
}

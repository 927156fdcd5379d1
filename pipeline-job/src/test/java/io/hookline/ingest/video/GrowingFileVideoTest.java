package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MPEG-TS recording that a background thread is still writing while the test waits for windows of it. */
class GrowingFileVideoTest {
    private static final int CHUNK = 24 * 1024;

    @TempDir
    static Path work;
    static byte[] recording;

    @TempDir
    Path live;

    @BeforeAll
    static void remuxToTs() throws Exception {
        Path ts = work.resolve("recording.ts");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(LiveHls.source(work).toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(ts.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getAudioChannels())) {
                recorder.setFormat("mpegts");
                recorder.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    recorder.recordPacket(packet);
                }
            }
        }
        recording = Files.readAllBytes(ts);
    }

    @Test
    void aWindowIsReadyOnceTheFileHoldsItAndHoldsExactlyItsFrames() throws Exception {
        Path file = live.resolve("match.ts");
        Thread writer = write(file, 40);
        GrowingFileVideo video = new GrowingFileVideo(file, Duration.ofSeconds(30));
        try {
            Window window = video.await(1000, 3000, Duration.ofSeconds(20), Duration.ofMillis(20));
            long sizeWhenReady = Files.size(file);

            assertThat(sizeWhenReady).isLessThan(recording.length / 2);
            assertThat(WindowFrames.decode(window, 1000, 3000))
                    .containsExactlyElementsOf(WindowFrames.expected(1000, 3000));
            assertThat(window.identity()).isEqualTo("growing:" + file.toAbsolutePath());
        } finally {
            writer.join();
        }
        video.finish();
        assertThat(video.refresh().ended()).isTrue();
        assertThat(video.refresh().coveredMs()).isBetween(11_800L, 12_000L);
        Window last = video.await(10_000, 11_800, Duration.ofSeconds(5), Duration.ofMillis(20));
        assertThat(WindowFrames.decode(last, 10_000, 11_800))
                .containsExactlyElementsOf(WindowFrames.expected(10_000, 11_800));
    }

    @Test
    void aFileThatStopsGrowingEndsAfterTheQuietTime() throws Exception {
        Path file = live.resolve("match.ts");
        Files.write(file, Arrays.copyOf(recording, recording.length / 2));
        GrowingFileVideo video = new GrowingFileVideo(file, Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> video.await(9000, 10_000, Duration.ofSeconds(10), Duration.ofMillis(50)))
                .isInstanceOf(VideoNotCoveredException.class)
                .hasMessageContaining("; the play ends at 0:10 (the video has ended)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    /** Appends the recording to {@code file} a chunk at a time, as an encoder writes it. */
    private static Thread write(Path file, long pauseMs) {
        Thread thread = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                for (int at = 0; at < recording.length; at += CHUNK) {
                    out.write(recording, at, Math.min(CHUNK, recording.length - at));
                    out.flush();
                    Thread.sleep(pauseMs);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "ts-writer");
        thread.start();
        return thread;
    }
}

package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testing.LiveHls;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recordings that a background thread is still writing while the test waits for windows of them: MPEG-TS,
 * MPEG-TS whose PTS wrap (past 2^33) three seconds in, and fragmented MP4 with a fragment per keyframe. The
 * fMP4 is video only: with sound, the muxer moves the video by the AAC priming (21 ms) after its first frame,
 * which is the file's own timing but not the exact n / fps this oracle expects (the job test covers sound).
 */
class GrowingFileVideoTest {
    private static final int CHUNK = 24 * 1024;
    /** Puts the PTS wrap 3.7 s into the recording: 2^33 ticks at 90 kHz is 95443.7 s. */
    private static final String WRAP_OFFSET_US = "95440000000us";

    @TempDir
    static Path work;

    static final Map<String, byte[]> recordings = new HashMap<>();

    @TempDir
    Path live;

    @BeforeAll
    static void remux() throws Exception {
        recordings.put("ts", remux("mpegts", Map.of(), true));
        recordings.put("ts-wrapping", remux("mpegts", Map.of("output_ts_offset", WRAP_OFFSET_US), true));
        recordings.put("fmp4", remux("mp4", Map.of("movflags", "frag_keyframe+empty_moov"), false));
        recordings.put("mp4", remux("mp4", Map.of(), true));
    }

    /** The test video, stream-copied into {@code format} with muxer {@code options}. */
    private static byte[] remux(String format, Map<String, String> options, boolean sound) throws Exception {
        Path out = work.resolve("recording-" + recordings.size() + "." + format);
        try (FFmpegFrameGrabber grabber =
                new FFmpegFrameGrabber(LiveHls.source(work).toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(
                    out.toFile(),
                    grabber.getImageWidth(),
                    grabber.getImageHeight(),
                    sound ? grabber.getAudioChannels() : 0)) {
                recorder.setFormat(format);
                options.forEach(recorder::setOption);
                recorder.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    if (sound || packet.stream_index() == grabber.getVideoStream()) {
                        recorder.recordPacket(packet);
                    }
                }
            }
        }
        return Files.readAllBytes(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts", "ts-wrapping", "fmp4"})
    void aWindowIsReadyOnceTheFileHoldsItAndHoldsExactlyItsFrames(String format) throws Exception {
        byte[] recording = recordings.get(format);
        Path file = live.resolve("match." + format);
        Thread writer = write(recording, file, 40);
        GrowingFileVideo video = new GrowingFileVideo(file, Duration.ofSeconds(30));
        try {
            Window window = video.await(1000, 5000, Duration.ofSeconds(20), Duration.ofMillis(20));
            long sizeWhenReady = Files.size(file);

            assertThat(sizeWhenReady).isLessThan(recording.length * 3 / 4);
            assertThat(WindowFrames.decode(window, 1000, 5000))
                    .containsExactlyElementsOf(WindowFrames.expected(1000, 5000));
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
    void anMp4ThatIsNotFragmentedFailsAtOnceSayingHowToWriteIt() throws Exception {
        byte[] plain = recordings.get("mp4");
        Path growing = live.resolve("plain.mp4");
        Files.write(growing, Arrays.copyOf(plain, plain.length / 2));
        long started = System.nanoTime();

        assertThatThrownBy(() -> new GrowingFileVideo(growing, Duration.ofSeconds(30))
                        .await(1000, 2000, Duration.ofSeconds(20), Duration.ofMillis(20)))
                .isInstanceOf(UnusableVideoException.class)
                .hasMessageContaining(growing.toAbsolutePath() + " is an MP4 that is not fragmented")
                .hasMessageContaining("movflags frag_keyframe+empty_moov");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aLocalFileMayGrowWhenItIsMpegTsOrAnMp4ThatIsFragmentedUnfinishedOrNotThereYet() throws Exception {
        byte[] plain = recordings.get("mp4");
        Path complete = Files.write(live.resolve("complete.mp4"), plain);
        Path half = Files.write(live.resolve("half.mp4"), Arrays.copyOf(plain, plain.length / 2));
        Path fragmented = Files.write(live.resolve("fragmented.mp4"), recordings.get("fmp4"));

        assertThat(GrowingFileVideo.mayGrow(complete)).isFalse();
        assertThat(GrowingFileVideo.mayGrow(half)).isTrue();
        assertThat(GrowingFileVideo.mayGrow(fragmented)).isTrue();
        assertThat(GrowingFileVideo.mayGrow(live.resolve("not-yet.mp4"))).isTrue();
        assertThat(GrowingFileVideo.mayGrow(live.resolve("not-yet.ts"))).isTrue();
        assertThat(GrowingFileVideo.mayGrow(live.resolve("clip.mkv"))).isFalse();
    }

    @Test
    void aFileThatStopsGrowingEndsAfterTheQuietTime() throws Exception {
        byte[] recording = recordings.get("ts");
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
    private static Thread write(byte[] recording, Path file, long pauseMs) {
        Thread thread = new Thread(
                () -> {
                    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                        for (int at = 0; at < recording.length; at += CHUNK) {
                            out.write(recording, at, Math.min(CHUNK, recording.length - at));
                            out.flush();
                            Thread.sleep(pauseMs);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "ts-writer");
        thread.start();
        return thread;
    }
}

package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.ingest.kafka.AvroMessages;
import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.RenderedClip;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.DecodedClip;
import io.hookline.testing.KafkaTestBroker;
import io.hookline.testing.LiveHls;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live matches whose videos are written while the job runs. Two have HLS playlists written in real time (a
 * two-second segment every two seconds), with events published as their moments come. The first match's early clips must
 * be in the clips topic and on disk before its video's second half exists. The second match's feed goes on
 * after its video stalls, and one of its segments is missing: the clip over the gap says so, the clip past the
 * stall fails with where the video stops, and the first match is served all along. A third match's feed is timed
 * by the wall clock only: its events are placed through its playlist's EXT-X-PROGRAM-DATE-TIME. Another match's video is a
 * fragmented MP4 file an encoder is still writing: its clips are cut from it before it is complete.
 */
class LiveVideoITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final int FPS = 25;
    private static final long VIDEO_MS = 40_000;
    /** Match B's video stops growing after this many segments (20 s), and this one of them never comes. */
    private static final int STALL_AFTER = 10;

    private static final int MISSING = 3;
    private static final String ONE_NIL = ",\"score\":{\"home\":1,\"away\":0}";
    private static final String TWO_NIL = ",\"score\":{\"home\":2,\"away\":0}";

    @TempDir
    static Path dir;

    static KafkaTestBroker kafka;
    static LiveHls hls;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestBroker.start();
        kafka.createTopic("events", 2);
        kafka.createTopic("clips", 1);
        Path source = dir.resolve("source.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, FPS, VIDEO_MS, true, List.of(12_000L, 24_000L)), source);
        hls = LiveHls.cut(source, dir.resolve("cut"), false);
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void clipsLandWhileTheVideoIsStillGrowingAndAStalledFeedFailsOnlyItsOwnClips() throws Exception {
        Path out = dir.resolve("out");
        Path videoA = Files.createDirectories(dir.resolve("live-a"));
        Path videoB = Files.createDirectories(dir.resolve("live-b"));
        Path videoC = Files.createDirectories(dir.resolve("live-c"));
        JobClient job = LiveJobs.start(dir, kafka.bootstrapServers(), "live video", conf -> {
            conf.set(JobOptions.OUT, out.toString());
            conf.set(JobOptions.LIVE_VIDEO_WAIT, Duration.ofSeconds(8));
        });
        KafkaTestBroker.TopicReader topic = kafka.reader("clips");
        Map<String, Instant> landed = new ConcurrentHashMap<>();

        try (MatchPublisher publisher =
                new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10))) {
            publisher.publish(
                    new MatchDescriptor(
                            "match-a",
                            null,
                            "Riverside",
                            "Harbour",
                            videoA.resolve("live.m3u8").toString()),
                    null,
                    "events",
                    true);
            publisher.publish(
                    new MatchDescriptor(
                            "match-b",
                            null,
                            "Northgate",
                            "Southport",
                            videoB.resolve("live.m3u8").toString()),
                    null,
                    "events",
                    true);
            publisher.publish(
                    new MatchDescriptor(
                            "match-c",
                            null,
                            "Eastfield",
                            "Westbrook",
                            videoC.resolve("live.m3u8").toString()),
                    null,
                    "events",
                    true);
            Instant t0 = Instant.now();
            // Match C's encoder dates its first segment t0; its feed says when each event happened, nothing more.
            Instant recordedFrom = t0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            List<Timed> plan = new ArrayList<>(List.of(
                    new Timed(5_000, "match-a", LiveJobs.event("match-a", "a1", "SHOT", 5_000, "")),
                    new Timed(7_000, "match-b", LiveJobs.event("match-b", "b1", "GOAL", 7_000, ONE_NIL)),
                    new Timed(12_000, "match-a", LiveJobs.event("match-a", "a2", "GOAL", 12_000, ONE_NIL)),
                    new Timed(14_000, "match-b", LiveJobs.event("match-b", "b2", "SAVE", 13_000, "")),
                    new Timed(24_000, "match-a", LiveJobs.event("match-a", "a3", "SAVE", 24_000, "")),
                    new Timed(28_000, "match-b", LiveJobs.event("match-b", "b3", "GOAL", 28_000, TWO_NIL)),
                    new Timed(33_000, "match-a", LiveJobs.event("match-a", "a4", "SHOT", 33_000, "")),
                    new Timed(6_000, "match-c", atWallClock("c1", recordedFrom.plusMillis(6_000), "GOAL", ONE_NIL)),
                    new Timed(18_000, "match-c", atWallClock("c2", recordedFrom.plusMillis(18_000), "SAVE", ""))));
            int published = 0;
            for (int segment = 0; segment < hls.segmentCount(); segment++) {
                sleepUntil(t0.plusMillis((segment + 1) * 2_000L));
                hls.publish(LiveHls.directory(videoA), segment, segment + 1, segment == hls.segmentCount() - 1);
                hls.publish(
                        LiveHls.directory(videoC),
                        segment,
                        segment + 1,
                        segment == hls.segmentCount() - 1,
                        recordedFrom);
                if (segment < STALL_AFTER) {
                    publishB(segment);
                }
                for (Timed e : plan) {
                    if (e.atMs() <= (segment + 1) * 2_000L && e.atMs() > segment * 2_000L) {
                        publisher.publish(null, e.file(), "events", true);
                        published++;
                    }
                }
                collect(topic, landed);
            }
            assertThat(published).isEqualTo(plan.size());
            Instant secondHalf = hls.publishedAt(hls.segmentCount() / 2);
            for (String matchId : List.of("match-a", "match-b", "match-c")) {
                publisher.publish(
                        null,
                        Files.write(
                                dir.resolve(matchId + "-end.jsonl"),
                                List.of(LiveJobs.event(matchId, matchId + "-last", "FOUL", 38_000, "")),
                                StandardCharsets.UTF_8),
                        "events",
                        false);
            }

            JsonNode a = LiveJobs.awaitFinalManifest(out.resolve("match-a"), Duration.ofMinutes(3));
            JsonNode b = LiveJobs.awaitFinalManifest(out.resolve("match-b"), Duration.ofMinutes(3));
            JsonNode c = LiveJobs.awaitFinalManifest(out.resolve("match-c"), Duration.ofMinutes(3));
            topic.close();
            job.cancel().get();

            // Match C: each event found its video time through the playlist's dates, and its clip holds those frames.
            for (long peakMs : new long[] {6_000, 18_000}) {
                JsonNode clip = clipOf(c, peakMs);
                for (JsonNode r : clip.get("renditions")) {
                    assertThat(r.get("status").asText()).as(clip.toString()).isEqualTo("ok");
                }
                assertFramesInWindows(out.resolve("match-c"), clip);
            }
            assertThat(out.resolve("match-c").resolve("dead-letters.jsonl"))
                    .satisfiesAnyOf(
                            p -> assertThat(p).doesNotExist(),
                            p -> assertThat(p).isEmptyFile());

            // Match A: its first play's clip was in the topic and on disk before the second half of its video existed.
            JsonNode first = clipOf(a, 5_000);
            assertThat(landed.get(first.get("clipId").asText()))
                    .as("topic commit of the first play's clip")
                    .isBefore(secondHalf);
            Path firstFile = out.resolve("match-a")
                    .resolve(first.get("renditions").get(0).get("path").asText());
            assertThat(Files.getLastModifiedTime(firstFile).toInstant()).isBefore(secondHalf);
            for (JsonNode clip : a.get("clips")) {
                for (JsonNode r : clip.get("renditions")) {
                    assertThat(r.get("status").asText()).as(clip.toString()).isEqualTo("ok");
                }
            }
            assertFramesInWindows(out.resolve("match-a"), first);

            // Match B: the clip over the missing segment says so; the clip past the stall failed with the reason.
            assertThat(clipOf(b, 7_000).get("notes").toString())
                    .contains("segment " + MISSING + " (0:06.0-0:08.0)")
                    .contains("skipped");
            JsonNode stalled = clipOf(b, 28_000);
            assertThat(stalled.get("renditions").get(0).get("status").asText()).isEqualTo("failed");
            assertThat(stalled.get("renditions").get(0).get("error").asText())
                    .contains("the video stops at 0:20")
                    .contains("the play ends at");
        }
    }

    @Test
    void aClipIsCutFromAFragmentedMp4WhileItIsStillBeingWritten() throws Exception {
        Path out = dir.resolve("out-fmp4");
        byte[] recording = fragmentedMp4(dir.resolve("source.mp4"), dir.resolve("recording.mp4"));
        Path video = Files.createDirectories(dir.resolve("live-fmp4")).resolve("match.mp4");
        JobClient job = LiveJobs.start(dir, kafka.bootstrapServers(), "live fmp4", conf -> {
            conf.set(JobOptions.OUT, out.toString());
            conf.set(JobOptions.LIVE_VIDEO_WAIT, Duration.ofSeconds(30));
        });
        try (MatchPublisher publisher =
                new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10))) {
            publisher.publish(
                    new MatchDescriptor("match-f", null, "Riverside", "Harbour", video.toString()),
                    null,
                    "events",
                    true);
            // The encoder writes a second of video every second, as it records it.
            Instant started = Instant.now();
            try (OutputStream file = Files.newOutputStream(video)) {
                int second = recording.length / (int) (VIDEO_MS / 1000) + 1;
                for (int at = 0, n = 0; at < recording.length; at += second, n++) {
                    file.write(recording, at, Math.min(second, recording.length - at));
                    file.flush();
                    if (n == 2) {
                        publisher.publish(
                                null,
                                Files.write(
                                        dir.resolve("match-f.jsonl"),
                                        List.of(
                                                LiveJobs.event("match-f", "f1", "GOAL", 5_000, ONE_NIL),
                                                LiveJobs.event("match-f", "f2", "SAVE", 24_000, "")),
                                        StandardCharsets.UTF_8),
                                "events",
                                true);
                    }
                    sleepUntil(started.plusSeconds(n + 1));
                }
            }
            Instant written = Instant.now();
            publisher.publish(
                    null,
                    Files.write(
                            dir.resolve("match-f-end.jsonl"),
                            List.of(LiveJobs.event("match-f", "f-last", "FOUL", 38_000, "")),
                            StandardCharsets.UTF_8),
                    "events",
                    false);

            JsonNode manifest = LiveJobs.awaitFinalManifest(out.resolve("match-f"), Duration.ofMinutes(3));
            job.cancel().get();

            JsonNode goal = clipOf(manifest, 5_000);
            Path goalFile = out.resolve("match-f")
                    .resolve(goal.get("renditions").get(0).get("path").asText());
            assertThat(Files.getLastModifiedTime(goalFile).toInstant())
                    .as("the goal's clip, against the recording's end")
                    .isBefore(written);
            for (JsonNode clip : List.of(goal, clipOf(manifest, 24_000))) {
                for (JsonNode r : clip.get("renditions")) {
                    assertThat(r.get("status").asText()).as(clip.toString()).isEqualTo("ok");
                }
                assertFramesInWindows(out.resolve("match-f"), clip);
            }
        }
    }

    /** The source stream-copied into a fragmented MP4, a fragment per keyframe, as a live encoder writes one. */
    private static byte[] fragmentedMp4(Path source, Path target) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(
                    target.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), grabber.getAudioChannels())) {
                recorder.setFormat("mp4");
                recorder.setOption("movflags", "frag_keyframe+empty_moov");
                recorder.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    recorder.recordPacket(packet);
                }
            }
        }
        return Files.readAllBytes(target);
    }

    /** Match B gets the same segments, but one never arrives. */
    private static void publishB(int segment) throws IOException {
        Path dirB = dir.resolve("live-b");
        LiveHls.Shelf shelf = LiveHls.directory(dirB);
        if (segment == MISSING) {
            shelf.put("live.m3u8", hls.playlist(segment + 1, false).getBytes(StandardCharsets.UTF_8));
        } else {
            hls.publish(shelf, segment, segment + 1, false);
        }
    }

    /** An event of match C with no video time, only when it happened by the wall clock. */
    private static String atWallClock(String eventId, Instant when, String type, String extra) {
        return "{\"matchId\":\"match-c\",\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"period\":1,\"wallClock\":\"" + when + "\",\"team\":\"home\"" + extra + "}";
    }

    private record Timed(long atMs, String matchId, String json) {
        Path file() throws IOException {
            return Files.write(Files.createTempFile(dir, matchId, ".jsonl"), List.of(json), StandardCharsets.UTF_8);
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /** Notes when each clip record was first seen in the topic. */
    private static void collect(KafkaTestBroker.TopicReader topic, Map<String, Instant> landed) throws Exception {
        for (ConsumerRecord<byte[], byte[]> r :
                topic.readUntil(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ZERO)) {
            RenderedClip clip = AvroMessages.decodeRenderedClip(r.value());
            landed.putIfAbsent(clip.getClipId(), Instant.now());
        }
    }

    /** The play clip that peaks at {@code peakMs}. */
    private static JsonNode clipOf(JsonNode manifest, long peakMs) {
        for (JsonNode c : manifest.get("clips")) {
            if (c.get("kind").asText().equals("play") && c.get("peakMs").asLong() == peakMs) {
                return c;
            }
        }
        throw new AssertionError("no play clip peaking at " + peakMs + " in " + manifest);
    }

    private static void assertFramesInWindows(Path matchDir, JsonNode clip) throws IOException {
        JsonNode landscape = null;
        for (JsonNode r : clip.get("renditions")) {
            if (r.get("profile").asText().equals("small-landscape")) {
                landscape = r;
            }
        }
        DecodedClip decoded =
                DecodedClip.decode(matchDir.resolve(landscape.get("path").asText()));
        int checked = 0;
        for (DecodedClip.VideoFrame f : decoded.frames()) {
            if (f.readable()) {
                long ms = f.sourceFrame() * 1000 / FPS;
                boolean inside = false;
                for (JsonNode s : clip.get("segments")) {
                    inside |= ms >= s.get("sourceStartMs").asLong() - 40
                            && ms <= s.get("sourceEndMs").asLong() + 40;
                }
                assertThat(inside).as("frame %d", f.sourceFrame()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }
}

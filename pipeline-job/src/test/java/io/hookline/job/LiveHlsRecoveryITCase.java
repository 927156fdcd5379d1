package io.hookline.job;

import static io.hookline.testing.LiveMatch.clipIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.model.RenderedClip;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.KafkaTestBroker;
import io.hookline.testing.LiveHls;
import io.hookline.testing.LiveMatch;
import io.hookline.testing.S3TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The live match of {@link LiveMatchITCase}, its video a live HLS playlist on S3 that grows while the job runs
 * (a two-second segment every second). One TaskManager is killed once the first clips are committed; the
 * playlist holds half the match then, and grows again only after the kill: the restarted tasks open the
 * playlist again, wait for what it does not cover yet, and the match ends with every clip in the topic once and
 * every rendition in the bucket once, all rendered.
 */
class LiveHlsRecoveryITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(2)
            // Spread the two subtasks over both TaskManagers, so the one killed always holds work.
            .setConfiguration(Configuration.fromMap(Map.of("taskmanager.load-balance.mode", "SLOTS")))
            .build());

    private static final long SEGMENT_EVERY_MS = 1_000;
    /** The playlist stops growing at half the match until the kill. */
    private static final int BEFORE_KILL = 15;

    @TempDir
    static Path dir;

    static S3TestServer s3Server;
    static S3Client s3;
    static KafkaTestBroker kafka;
    static LiveHls hls;

    @BeforeAll
    static void startServices() throws Exception {
        s3Server = S3TestServer.start();
        s3Server.createBucket("media");
        s3Server.createBucket("clips");
        s3 = s3Server.client();
        kafka = KafkaTestBroker.start();
        kafka.createTopic("events", 1);
        kafka.createTopic("clips", 1);
        // Ten seconds longer than the match's own video, so the windows of its last plays are covered too.
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(
                new SyntheticVideo.Spec(640, 360, 25, 70_000, true, List.of(10_000L, 24_000L, 40_000L)), video);
        hls = LiveHls.cut(video, dir.resolve("cut"), false);
    }

    @AfterAll
    static void stopServices() throws Exception {
        kafka.close();
        s3.close();
        s3Server.close();
    }

    @Test
    void aTaskManagerKilledWhileThePlaylistGrowsStillGivesEveryClipOnce(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        LiveHls.Shelf shelf =
                (name, data) -> s3.putObject(b -> b.bucket("media").key("live/" + name), RequestBody.fromBytes(data));
        hls.publish(shelf, 0, 1, false);
        JobClient job = LiveJobs.start(dir, kafka.bootstrapServers(), "live hls recovery", conf -> {
            conf.set(JobOptions.VIDEO, "s3://media/live/live.m3u8");
            conf.set(JobOptions.OUT, "s3://clips/hls");
            conf.set(JobOptions.S3_ENDPOINT, s3Server.endpoint());
        });
        KafkaTestBroker.TopicReader clips = kafka.reader("clips");
        CountDownLatch killed = new CountDownLatch(1);
        Thread publisher = publishSegments(shelf, killed);

        LiveMatch.publishWithPoisonRecord(kafka.bootstrapServers(), "events", dir);
        List<RenderedClip> beforeKill = LiveMatch.clipsInTopic(clips, 1, Duration.ofMinutes(3), Duration.ZERO);
        cluster.terminateTaskManager(0).get();
        killed.countDown();
        JsonNode manifest = LiveMatch.awaitManifest(s3, "clips", "hls/", Duration.ofMinutes(4));
        int planned = manifest.get("clips").size();
        List<RenderedClip> all = LiveMatch.clipsInTopic(clips, planned, Duration.ofMinutes(1), Duration.ofSeconds(4));
        clips.close();
        publisher.join();

        System.out.printf(
                "live hls: %d clips in the topic before the kill, %d after, %d planned%n",
                beforeKill.size(), all.size(), planned);
        assertThat(beforeKill.size()).isLessThan(planned);
        assertThat(all)
                .extracting(RenderedClip::getClipId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(clipIds(manifest));
        // Every rendition rendered (expectedKeys checks each is ok), each in the bucket once, nothing else.
        assertThat(LiveMatch.keys(s3, "clips", "hls/"))
                .containsExactlyElementsOf(LiveMatch.expectedKeys(manifest, "hls/"));

        AccessExecutionGraph graph = cluster.getExecutionGraph(job.getJobID()).get();
        assertThat(graph.getFailureInfo())
                .as("the lost TaskManager failed the job once")
                .isNotNull();
        assertThat(graph.getCheckpointStatsSnapshot().getLatestRestoredCheckpoint())
                .as("the job resumed from a checkpoint")
                .isNotNull();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        job.cancel().get();
    }

    /** Puts the rest of the segments out one a second, waiting at half the match for the kill; then ends it. */
    private static Thread publishSegments(LiveHls.Shelf shelf, CountDownLatch killed) {
        Thread thread = new Thread(
                () -> {
                    try {
                        for (int i = 1; i < hls.segmentCount(); i++) {
                            if (i == BEFORE_KILL) {
                                killed.await();
                            }
                            Thread.sleep(SEGMENT_EVERY_MS);
                            hls.publish(shelf, i, i + 1, i == hls.segmentCount() - 1);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("publishing the playlist", e);
                    }
                },
                "hls-publisher");
        thread.start();
        return thread;
    }
}

package io.hookline.job;

import static io.hookline.testing.LiveMatch.clipIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.model.RenderedClip;
import io.hookline.testing.KafkaTestBroker;
import io.hookline.testing.LiveMatch;
import io.hookline.testing.S3TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A live match end to end on a MiniCluster of two TaskManagers: events from Kafka (with a poison record),
 * video from S3, clips and manifests to S3, manifest entries to a Kafka topic. One TaskManager is killed
 * once the first clips are committed; the job must resume from its checkpoint and finish the match with
 * every clip in the topic once and every rendition in the bucket once.
 */
class LiveMatchITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(2)
            // Spread the two subtasks over both TaskManagers, so the one killed always holds work.
            .setConfiguration(Configuration.fromMap(Map.of("taskmanager.load-balance.mode", "SLOTS")))
            .build());

    @TempDir
    static Path dir;

    static S3TestServer s3Server;
    static S3Client s3;
    static KafkaTestBroker kafka;

    @BeforeAll
    static void startServices() throws Exception {
        s3Server = S3TestServer.start();
        s3Server.createBucket("media");
        s3Server.createBucket("clips");
        s3 = s3Server.client();
        kafka = KafkaTestBroker.start();
        kafka.createTopic("events", 1);
        kafka.createTopic("clips", 1);
        Path video = dir.resolve("match.mp4");
        LiveMatch.writeVideo(video);
        s3.putObject(b -> b.bucket("media").key("matches/live.mp4"), video);
    }

    @AfterAll
    static void stopServices() throws Exception {
        kafka.close();
        s3.close();
        s3Server.close();
    }

    @Test
    void aMatchSurvivesATaskManagerKilledMidMatchWithEveryClipOnce(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        JobClient job = LiveJobs.start(dir, kafka.bootstrapServers(), "live match test", conf -> {
            conf.set(JobOptions.VIDEO, "s3://media/matches/live.mp4");
            conf.set(JobOptions.OUT, "s3://clips/live");
            conf.set(JobOptions.S3_ENDPOINT, s3Server.endpoint());
        });
        KafkaTestBroker.TopicReader clips = kafka.reader("clips");

        LiveMatch.publishWithPoisonRecord(kafka.bootstrapServers(), "events", dir);

        List<RenderedClip> beforeKill = LiveMatch.clipsInTopic(clips, 1, Duration.ofMinutes(3), Duration.ZERO);
        cluster.terminateTaskManager(0).get();
        JsonNode manifest = LiveMatch.awaitManifest(s3, "clips", "live/", Duration.ofMinutes(4));
        int planned = manifest.get("clips").size();
        List<RenderedClip> all = LiveMatch.clipsInTopic(clips, planned, Duration.ofMinutes(1), Duration.ofSeconds(4));
        clips.close();

        System.out.printf(
                "live match: %d clips in the topic before the kill, %d after, %d planned%n",
                beforeKill.size(), all.size(), planned);
        assertThat(beforeKill.size()).isLessThan(planned);
        assertThat(all)
                .extracting(RenderedClip::getClipId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(clipIds(manifest));
        // The bucket holds exactly what the manifest lists, plus the match's files: nothing twice, no strays.
        assertThat(LiveMatch.keys(s3, "clips", "live/"))
                .containsExactlyElementsOf(LiveMatch.expectedKeys(manifest, "live/"));
        assertThat(LiveMatch.deadLetters(s3, "clips", "live/"))
                .contains("\"origin\":\"" + LiveMatch.POISON_ORIGIN + "\"")
                .contains("not an Avro single-object encoded MatchEvent");

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
}

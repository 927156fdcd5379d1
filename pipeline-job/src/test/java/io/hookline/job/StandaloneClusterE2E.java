package io.hookline.job;

import static io.hookline.testing.LiveMatch.clipIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.model.RenderedClip;
import io.hookline.testing.KafkaTestBroker;
import io.hookline.testing.LiveMatch;
import io.hookline.testing.S3TestServer;
import io.hookline.testing.StandaloneFlinkCluster;
import io.hookline.testing.TestProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The job on a real cluster: a standalone Flink cluster of one JobManager and two TaskManagers, each its own
 * process, the job jar submitted with Flink's own client, a match from Kafka to S3 (both running in this
 * JVM), checkpoints on S3 through Flink's S3 file system plugin, and one TaskManager killed with SIGKILL
 * mid-match. The job must recover from its checkpoint and the match must end with every clip once in the clips topic and every rendition once in the bucket.
 *
 * <p>Runs with {@code ./hookline test --e2e}, which builds the job jar and the cluster's classpath first.
 */
class StandaloneClusterE2E {
    @TempDir
    Path dir;

    @Test
    void aMatchFromKafkaToS3SurvivesAKilledTaskManager() throws Exception {
        Instant started = Instant.now();
        Path jobJar = Path.of(System.getProperty("hookline.e2e.job-jar"));
        StringBuilder classpath = new StringBuilder();
        for (String file : System.getProperty("hookline.e2e.flink-classpath").split(":")) {
            classpath
                    .append(classpath.isEmpty() ? "" : ":")
                    .append(Files.readString(Path.of(file)).trim());
        }
        try (S3TestServer s3Server = S3TestServer.start();
                S3Client s3 = s3Server.client();
                KafkaTestBroker kafka = KafkaTestBroker.start();
                StandaloneFlinkCluster cluster = StandaloneFlinkCluster.configure(
                        dir.resolve("flink"),
                        classpath.toString(),
                        System.getProperty("hookline.e2e.jvm-opens"),
                        Map.of(
                                "AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY,
                                "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY,
                                "FLINK_PLUGINS_DIR", System.getProperty("hookline.e2e.flink-plugins")),
                        // Flink's own S3 file system (the s3-fs-hadoop plugin) holds the checkpoints.
                        Map.of(
                                "s3.endpoint",
                                s3Server.endpoint(),
                                "s3.path.style.access",
                                "true",
                                "s3.access-key",
                                S3TestServer.ACCESS_KEY,
                                "s3.secret-key",
                                S3TestServer.SECRET_KEY))) {
            s3Server.createBucket("media");
            s3Server.createBucket("clips");
            s3Server.createBucket("checkpoints");
            Path video = dir.resolve("match.mp4");
            LiveMatch.writeVideo(video);
            s3.putObject(b -> b.bucket("media").key("matches/live.mp4"), video);
            kafka.createTopic("events", 1);
            kafka.createTopic("clips", 1);
            try {
                cluster.startJobManager();
                cluster.startTaskManager();
                cluster.startTaskManager();
                cluster.awaitTaskManagers(2, Duration.ofMinutes(2));

                String jobId = cluster.submit(
                        jobJar,
                        List.of(
                                "--video", "s3://media/matches/live.mp4",
                                "--out", "s3://clips/live",
                                "--s3-endpoint", s3Server.endpoint(),
                                "--profiles",
                                        TestProfiles.write(dir.resolve("profiles"))
                                                .toString(),
                                "--bootstrap", kafka.bootstrapServers(),
                                "--events-topic", "events",
                                "--clips-topic", "clips",
                                "--checkpoints", "s3://checkpoints/live",
                                "--checkpoint-interval", "1s",
                                "--hookline.render.encoder-threads", "1"),
                        Duration.ofMinutes(3));
                cluster.awaitJobRunning(jobId, Duration.ofMinutes(2));
                KafkaTestBroker.TopicReader clips = kafka.reader("clips");

                LiveMatch.publishWithPoisonRecord(kafka.bootstrapServers(), "events", dir);
                List<RenderedClip> beforeKill = LiveMatch.clipsInTopic(clips, 1, Duration.ofMinutes(4), Duration.ZERO);
                cluster.killTaskManager(0);
                JsonNode manifest = LiveMatch.awaitManifest(s3, "clips", "live/", Duration.ofMinutes(5));
                int planned = manifest.get("clips").size();
                List<RenderedClip> all =
                        LiveMatch.clipsInTopic(clips, planned, Duration.ofMinutes(1), Duration.ofSeconds(5));
                clips.close();
                JsonNode restored = cluster.rest("/jobs/" + jobId + "/checkpoints")
                        .get("latest")
                        .get("restored");
                long duplicates = all.size()
                        - all.stream().map(RenderedClip::getClipId).distinct().count();

                System.out.printf(
                        "standalone cluster: %d clips in the topic before the kill, %d after, %d planned,"
                                + " %d duplicates; resumed from checkpoint %s; wall time %d s%n",
                        beforeKill.size(),
                        all.size(),
                        planned,
                        duplicates,
                        restored.isNull() ? "none" : restored.get("id").asText(),
                        Duration.between(started, Instant.now()).toSeconds());
                assertThat(restored.isNull())
                        .as("the job resumed from a checkpoint")
                        .isFalse();
                assertThat(restored.get("external_path").asText()).startsWith("s3://checkpoints/live/");
                assertThat(beforeKill.size()).isLessThan(planned);
                assertThat(duplicates).isZero();
                assertThat(all)
                        .extracting(RenderedClip::getClipId)
                        .containsExactlyInAnyOrderElementsOf(clipIds(manifest));
                assertThat(LiveMatch.keys(s3, "clips", "live/"))
                        .containsExactlyElementsOf(LiveMatch.expectedKeys(manifest, "live/"));
                assertThat(LiveMatch.deadLetters(s3, "clips", "live/")).contains(LiveMatch.POISON_ORIGIN);
                assertThat(cluster.rest("/jobs/" + jobId).get("state").asText()).isEqualTo("RUNNING");
                cluster.cancel(jobId);
            } catch (Throwable t) {
                System.out.println(cluster.logTails(60));
                throw t;
            }
        }
    }
}

package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.cli.Main;
import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.RenderedClip;
import io.hookline.storage.ProfileStatus;
import io.hookline.storage.ProfileStore;
import io.hookline.testing.KafkaTestBroker;
import io.hookline.testing.LiveMatch;
import io.hookline.testing.S3TestServer;
import io.hookline.testing.TestProfiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Profile versions pushed to S3 while a live match runs: the clips planned after a push carry the new version
 * (in their ids, the manifest and the clips topic) and are rendered with it; the clips before keep theirs. A
 * broken push is refused by {@code profiles push}, and a broken version written to the bucket by hand is
 * refused by the job, with its problems in OUT/_profiles/status.json, while the job keeps running and keeps
 * producing clips with the version it has, also after a TaskManager is lost and the job resumes from its
 * checkpoint.
 */
class ProfileReloadITCase {
    private static final String MATCH = "reload-derby";
    private static final String STORE = "s3://profiles/live";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        s3Server.createBucket("profiles");
        s3 = s3Server.client();
        kafka = KafkaTestBroker.start();
        kafka.createTopic("events", 1);
        kafka.createTopic("clips", 1);
        LiveMatch.writeVideo(dir.resolve("match.mp4"));
    }

    @AfterAll
    static void stopServices() throws Exception {
        kafka.close();
        s3.close();
        s3Server.close();
    }

    @Test
    void aVersionPushedMidMatchReachesTheClipsPlannedAfterItAndABrokenOneIsRefused(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Path set = TestProfiles.write(dir.resolve("set"));
        String first = pushed(push(set));
        Path out = dir.resolve("out");
        JobClient job = LiveJobs.start(dir, kafka.bootstrapServers(), "profile reload test", conf -> {
            conf.set(JobOptions.PROFILES, STORE);
            conf.set(JobOptions.PROFILES_POLL, Duration.ofSeconds(1));
            conf.set(JobOptions.S3_ENDPOINT, s3Server.endpoint());
            conf.set(JobOptions.VIDEO, dir.resolve("match.mp4").toString());
            conf.set(JobOptions.OUT, out.toString());
            conf.set(JobOptions.RENDITIONS, List.of("small-landscape"));
        });
        KafkaTestBroker.TopicReader topic = kafka.reader("clips");
        Path manifest = out.resolve(MATCH).resolve("manifest.json");

        // The first plays, planned with the version the job started with.
        try (MatchPublisher publisher = publisher()) {
            publisher.publish(
                    new MatchDescriptor(MATCH, "The reload derby", "Riverside", "Harbour"),
                    feed(
                            "head",
                            event("e01", "PERIOD_START", 1_000, ""),
                            event("e02", "SHOT", 4_500, ""),
                            event("e03", "GOAL", 10_000, ",\"score\":{\"home\":1,\"away\":0}"),
                            event("e04", "SHOT", 18_000, "")),
                    "events",
                    true);
        }
        JsonNode early = await(manifest, m -> m.get("clips").size() >= 1, "a first clip");
        assertThat(status(out).running()).isEqualTo(first);

        TestProfiles.shrinkLandscape(set);
        String second = pushed(push(set));
        assertThat(second).isNotEqualTo(first);
        awaitStatus(out, s -> second.equals(s.running()), "the job to take " + second);

        try (MatchPublisher publisher = publisher()) {
            publisher.publish(
                    null,
                    feed(
                            "middle",
                            event("e05", "SAVE", 24_000, ""),
                            event("e06", "CARD", 31_000, ""),
                            event("e07", "GOAL", 40_000, ",\"score\":{\"home\":2,\"away\":0}")),
                    "events",
                    true);
        }
        JsonNode afterPush = await(manifest, m -> !clips(m, second).isEmpty(), "a clip of version " + second);

        // A broken set: the push refuses it and uploads nothing.
        TestProfiles.breakVertical(set);
        CliResult refused = push(set);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("profiles/small.yaml:18:");
        assertThat(refused.err()).contains("nothing was pushed");
        assertThat(ProfileStore.open(STORE, s3Server.settings()).current()).contains(second);

        // The same broken set written to the bucket by hand, past the push's check: the job refuses it.
        handPush(set, "badbadbadbad");
        ProfileStatus status =
                awaitStatus(out, s -> "badbadbadbad".equals(s.refused()), "the job to refuse the version");
        assertThat(status.running()).isEqualTo(second);
        assertThat(status.problems()).anySatisfy(p -> assertThat(p).startsWith("profiles/small.yaml:18:"));
        int beforeRefusal =
                await(manifest, m -> true, "the manifest").get("clips").size();

        // A TaskManager lost: the job restarts from its checkpoint. The store still points at the refused version,
        // so only the planners' state can say that new clips use the second version, not the one the job started with.
        cluster.terminateTaskManager(0).get();

        try (MatchPublisher publisher = publisher()) {
            publisher.publish(
                    null,
                    feed(
                            "rest",
                            event("e08", "SAVE", 50_000, ""),
                            event("e09", "SHOT", 55_000, ""),
                            event("e10", "PERIOD_END", 58_000, "")),
                    "events",
                    false);
        }
        JsonNode last = LiveJobs.awaitFinalManifest(out.resolve(MATCH), Duration.ofMinutes(4));
        List<RenderedClip> published =
                LiveMatch.clipsInTopic(topic, last.get("clips").size(), Duration.ofMinutes(1), Duration.ofSeconds(3));
        topic.close();

        System.out.printf(
                "profile reload: %d clips before the push, %d after it, %d in all (%d of %s)%n",
                early.get("clips").size(),
                afterPush.get("clips").size(),
                last.get("clips").size(),
                clips(last, second).size(),
                second);
        // The clips out before the push keep their version, their ids and their frame.
        Map<String, JsonNode> byId = byId(last);
        for (JsonNode clip : early.get("clips")) {
            JsonNode now = byId.get(clip.get("clipId").asText());
            assertThat(now).as("clip %s is still listed", clip.get("clipId")).isNotNull();
            assertThat(now.get("profileVersion").asText()).isEqualTo(first);
            assertThat(now.at("/renditions/0/width").asInt()).isEqualTo(640);
        }
        // Clips planned after it are rendered with it, and more of them came after the refusal.
        assertThat(last.get("clips")).allSatisfy(clip -> {
            String version = clip.get("profileVersion").asText();
            assertThat(version).isIn(first, second);
            assertThat(clip.at("/renditions/0/width").asInt()).isEqualTo(version.equals(first) ? 640 : 480);
            assertThat(clip.at("/renditions/0/status").asText()).isEqualTo("ok");
        });
        assertThat(last.get("clips").size()).isGreaterThan(beforeRefusal);
        assertThat(last.get("clips"))
                .filteredOn(c -> c.get("kind").asText().equals("compilation")
                        || c.get("sourceStartMs").asLong() >= 45_000)
                .as("clips planned after the restore")
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("profileVersion").asText()).isEqualTo(second));
        AccessExecutionGraph graph = cluster.getExecutionGraph(job.getJobID()).get();
        assertThat(graph.getCheckpointStatsSnapshot().getLatestRestoredCheckpoint())
                .as("the job resumed from a checkpoint")
                .isNotNull();
        assertThat(last.get("profileVersion").asText()).isEqualTo(second);
        assertThat(published)
                .allSatisfy(c -> assertThat(c.getProfileVersion())
                        .isEqualTo(byId.get(c.getClipId()).get("profileVersion").asText()));
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        job.cancel().get();
    }

    private record CliResult(int exit, String out, String err) {}

    private static CliResult push(Path set) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("profiles", "push", set.toString(), STORE, "--s3-endpoint", s3Server.endpoint());
        return new CliResult(exit, out.toString(), err.toString());
    }

    private static String pushed(CliResult push) {
        assertThat(push.exit()).as(push.err()).isZero();
        Matcher m = Pattern.compile("pushed profile version (\\w+) to " + Pattern.quote(STORE))
                .matcher(push.out());
        assertThat(m.find()).as(push.out()).isTrue();
        return m.group(1);
    }

    /** Uploads a set's files and moves the pointer, as a hand-made upload would, without any check. */
    private static void handPush(Path set, String version) throws Exception {
        try (Stream<Path> walk = Files.walk(set)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                s3.putObject(
                        b -> b.bucket("profiles").key("live/versions/" + version + "/" + set.relativize(f)),
                        RequestBody.fromFile(f));
            }
        }
        s3.putObject(b -> b.bucket("profiles").key("live/" + ProfileStore.POINTER), RequestBody.fromString(version));
    }

    private static MatchPublisher publisher() {
        return new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10));
    }

    private static Path feed(String name, String... events) throws Exception {
        return Files.write(dir.resolve(name + ".jsonl"), List.of(events), StandardCharsets.UTF_8);
    }

    private static String event(String id, String type, long videoMs, String extra) {
        return LiveJobs.event(MATCH, id, type, videoMs, extra);
    }

    private static List<JsonNode> clips(JsonNode manifest, String version) {
        List<JsonNode> clips = new ArrayList<>();
        manifest.get("clips").forEach(c -> {
            if (version.equals(c.path("profileVersion").asText())) {
                clips.add(c);
            }
        });
        return clips;
    }

    private static Map<String, JsonNode> byId(JsonNode manifest) {
        Map<String, JsonNode> byId = new HashMap<>();
        manifest.get("clips").forEach(c -> byId.put(c.get("clipId").asText(), c));
        return byId;
    }

    private static JsonNode await(Path manifest, Predicate<JsonNode> done, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(manifest)) {
                last = JSON.readTree(manifest.toFile());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("waited in vain for " + what + "; last manifest: " + last);
    }

    private static ProfileStatus status(Path out) throws Exception {
        return ProfileStatus.parse(Files.readAllBytes(out.resolve(ProfileStatus.KEY)));
    }

    private static ProfileStatus awaitStatus(Path out, Predicate<ProfileStatus> done, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        ProfileStatus last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(out.resolve(ProfileStatus.KEY))) {
                last = status(out);
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited in vain for " + what + "; last status: " + last);
    }
}

package io.hookline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.testing.TestProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A live job on a test's MiniCluster as the live ITCases run it, and the match files they wait for. */
public final class LiveJobs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveJobs() {}

    /**
     * Starts the job at parallelism 2 on topics "events" and "clips", with the test profiles, checkpoints every
     * second under {@code dir}, and whatever {@code settings} adds (the output, the video).
     */
    public static JobClient start(Path dir, String bootstrapServers, String name, Consumer<Configuration> settings)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(
                JobOptions.PROFILES, TestProfiles.write(dir.resolve("profiles")).toString());
        conf.set(JobOptions.KAFKA_BOOTSTRAP, bootstrapServers);
        conf.set(JobOptions.EVENTS_TOPIC, "events");
        conf.set(JobOptions.CLIPS_TOPIC, "clips");
        conf.set(JobOptions.CHECKPOINTS, dir.resolve("checkpoints").toUri().toString());
        conf.set(JobOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        conf.set(JobOptions.ENCODER_THREADS, 1);
        settings.accept(conf);
        JobSetup setup = JobSetup.prepare(conf);
        if (setup.videoProblem() != null) {
            throw new AssertionError(setup.videoProblem());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(setup.flinkConfig());
        env.setParallelism(2);
        setup.job().build(env);
        return env.executeAsync(name);
    }

    /** A match's final manifest on local disk: a live match's is rewritten as clips land, final at its end. */
    public static JsonNode awaitFinalManifest(Path matchDir, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Path file = matchDir.resolve("manifest.json");
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                JsonNode manifest = JSON.readTree(file.toFile());
                if (manifest.path("ranksFinal").asBoolean(true)) {
                    return manifest;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no final manifest in " + matchDir + " within " + timeout);
    }

    /** One event of a feed, as JSON Lines, of the home side in period 1. */
    public static String event(String matchId, String eventId, String type, long videoMs, String extra) {
        return "{\"matchId\":\"" + matchId + "\",\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"period\":1,\"videoTimeMs\":" + videoMs + ",\"team\":\"home\"" + extra + "}";
    }
}

package io.hookline.demo;

import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.job.JobOptions;
import io.hookline.job.JobSetup;
import io.hookline.model.RenderedClip;
import io.hookline.render.ClipKeys;
import io.hookline.sample.HlsPlayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * The embedded live set-up: a Kafka broker in this process, the live job on the MiniCluster, and staggered
 * copies of a match, each played out as a growing HLS playlist under {@code OUT/live/<matchId>/} while its
 * events are published as they happen. Clips are read back from the clips topic as they land.
 */
public final class LiveRun implements AutoCloseable {
    public static final String EVENTS_TOPIC = "hookline.events";
    public static final String CLIPS_TOPIC = "hookline.clips";
    /** Under the output directory: each match's playlist and segments. */
    public static final String LIVE_DIR = "live";
    /** Clips reach the topic at checkpoints, so the interval is part of every clip's latency. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    /** How long the job gets to start before the first video goes on air. */
    private static final Duration LEAD = Duration.ofSeconds(2);

    private static final Duration POLL = Duration.ofMillis(250);

    /**
     * What to run.
     *
     * @param job the job's settings (output directory, renditions, draft, profiles, parallelism); the live
     *     ones (Kafka, topics, checkpoints) are added here
     * @param stagger how long after one match the next one starts
     * @param speed 1.0 plays the matches in real time
     */
    public record Settings(
            Path out, LiveScript script, List<String> matchIds, Duration stagger, double speed, Configuration job) {}

    private final Settings settings;
    private final List<LandedClip> landed = new CopyOnWriteArrayList<>();
    private final Map<String, HlsPlayout> playouts = new LinkedHashMap<>();
    private final List<PacedFeed> feeds = new ArrayList<>();
    private final Instant startedAt = Instant.now();
    private EmbeddedKafka kafka;
    private JobClient job;
    private ClipsTopic clips;
    private MatchPublisher publisher;
    private boolean closed;

    private LiveRun(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything and returns once the matches are scheduled; {@code onClip} hears of each clip as it
     * lands, on the consumer's thread.
     */
    public static LiveRun start(Settings settings, Consumer<LandedClip> onClip) throws Exception {
        LiveRun run = new LiveRun(settings);
        try {
            run.startAll(onClip);
        } catch (Exception e) {
            run.close();
            throw e;
        }
        return run;
    }

    private void startAll(Consumer<LandedClip> onClip) throws Exception {
        Path out = settings.out().toAbsolutePath();
        for (String id : settings.matchIds()) {
            MatchOutput.clear(out.resolve(ClipKeys.safeMatchDir(id)));
        }
        kafka = EmbeddedKafka.start();
        kafka.createTopic(EVENTS_TOPIC, 1);
        kafka.createTopic(CLIPS_TOPIC, 1);
        Configuration conf = new Configuration(settings.job());
        conf.set(JobOptions.OUT, out.toString());
        conf.set(JobOptions.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        conf.set(JobOptions.EVENTS_TOPIC, EVENTS_TOPIC);
        conf.set(JobOptions.CLIPS_TOPIC, CLIPS_TOPIC);
        conf.set(JobOptions.CHECKPOINTS, out.resolve("_checkpoints").toUri().toString());
        conf.set(JobOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        JobSetup setup = JobSetup.prepare(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(setup.flinkConfig());
        setup.job().build(env);
        job = env.executeAsync("hookline live demo");
        clips = new ClipsTopic(kafka.bootstrapServers(), CLIPS_TOPIC, (clip, at) -> {
            LandedClip c = new LandedClip(clip, at, coveredAt(clip));
            landed.add(c);
            onClip.accept(c);
        });
        awaitRunning();
        publisher = new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(30));
        Instant first = Instant.now().plus(LEAD);
        for (int i = 0; i < settings.matchIds().size(); i++) {
            String id = settings.matchIds().get(i);
            Instant start = first.plus(settings.stagger().multipliedBy(i));
            HlsPlayout playout = HlsPlayout.start(
                    settings.script().video(),
                    out.resolve(LIVE_DIR).resolve(ClipKeys.safeMatchDir(id)),
                    start,
                    settings.speed(),
                    HlsPlayout.DEFAULT_SEGMENT);
            playouts.put(id, playout);
            PacedFeed feed = new PacedFeed(
                    publisher,
                    EVENTS_TOPIC,
                    settings.script().descriptor(id, playout.playlist()),
                    settings.script().events(id),
                    playout,
                    settings.script().durationMs());
            feeds.add(feed);
            feed.start();
        }
    }

    private Instant coveredAt(RenderedClip clip) {
        HlsPlayout playout = playouts.get(clip.getMatchId());
        return playout == null ? null : playout.coveredAt(clip.getSourceEndMs()).orElse(null);
    }

    private void awaitRunning() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (job.getJobStatus().get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) {
            requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live job did not start within 2 minutes");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until every match's final manifest is written (its ranks final) and every clip it lists is on the
     * clips topic.
     *
     * @return false when {@code timeout} passed first
     * @throws IllegalStateException when the job, a playout or a feed failed
     */
    public boolean awaitFinished(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            requireAlive();
            if (finished()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private boolean finished() throws IOException {
        for (String id : settings.matchIds()) {
            Path dir = settings.out().toAbsolutePath().resolve(ClipKeys.safeMatchDir(id));
            List<String> listed = MatchOutput.finalClipIds(dir, startedAt);
            if (listed == null) {
                return false;
            }
            List<String> onTopic = landed.stream()
                    .filter(c -> c.clip().getMatchId().equals(id))
                    .map(c -> c.clip().getClipId())
                    .toList();
            if (!onTopic.containsAll(listed)) {
                return false;
            }
        }
        return true;
    }

    private void requireAlive() throws Exception {
        JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
        if (status.isGloballyTerminalState()) {
            String why = "";
            try {
                job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                why = ": " + ExceptionUtils.stripExecutionException(e).getMessage();
            }
            throw new IllegalStateException("the live job stopped (" + status + ")" + why);
        }
        for (HlsPlayout p : playouts.values()) {
            if (p.failure() != null) {
                throw new IllegalStateException(
                        "a playout failed: " + p.failure().getMessage(), p.failure());
            }
        }
        for (PacedFeed f : feeds) {
            if (f.failure() != null) {
                throw new IllegalStateException("a feed failed: " + f.failure().getMessage(), f.failure());
            }
        }
        if (clips.failure() != null) {
            throw new IllegalStateException(
                    "reading the clips topic failed: " + clips.failure().getMessage(), clips.failure());
        }
    }

    /** Every clip landed so far, in the order they landed. */
    public List<LandedClip> landed() {
        return List.copyOf(landed);
    }

    public Map<String, HlsPlayout> playouts() {
        return Map.copyOf(playouts);
    }

    public JobClient job() {
        return job;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Stops the feeds and playouts, cancels the job, and shuts the broker down; safe to call twice. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        for (PacedFeed f : feeds) {
            f.stop();
        }
        for (HlsPlayout p : playouts.values()) {
            p.close();
        }
        if (job != null) {
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Already finished or failed: nothing left to stop.
            }
        }
        if (clips != null) {
            clips.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}

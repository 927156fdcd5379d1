package io.hookline.bench;

import io.hookline.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * The render backlog over a live run, once a second: clips the job has planned but not yet rendered, from its
 * accumulators. A backlog that keeps growing means the renderers do not keep up with the matches.
 */
final class BacklogSampler implements AutoCloseable {
    /** One sample: seconds since the sampler started, and the clips waiting. */
    record Sample(double seconds, long clips) {}

    private final JobClient job;
    private final Instant start = Instant.now();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;

    BacklogSampler(JobClient job) {
        this.job = job;
        this.thread = new Thread(this::run, "backlog-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    long max() {
        return samples.stream().mapToLong(Sample::clips).max().orElse(0);
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                Map<String, Object> acc;
                try {
                    acc = job.getAccumulators().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // Unavailable for a moment (a checkpoint, a restart): the next second's sample counts.
                    continue;
                }
                long backlog = get(acc, Progress.CLIPS_PLANNED) - get(acc, Progress.CLIPS_RENDERED);
                samples.add(new Sample(Duration.between(start, Instant.now()).toMillis() / 1000.0, backlog));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long get(Map<String, Object> acc, String name) {
        return acc.get(name) instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}

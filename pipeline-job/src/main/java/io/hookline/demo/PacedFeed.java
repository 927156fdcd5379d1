package io.hookline.demo;

import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.sample.HlsPlayout;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A match's live feed: its descriptor when its video starts, then each event at the wall time its video time
 * is reached in the match's playout, then a {@code MATCH_END} when the video ends. It runs on its own thread,
 * as a data provider's feed would, independent of the video packager.
 */
final class PacedFeed {
    private final MatchPublisher publisher;
    private final String topic;
    private final MatchDescriptor descriptor;
    private final List<MatchEvent> events;
    private final HlsPlayout playout;
    private final long endMs;
    private final Thread thread;
    private volatile Exception failure;

    PacedFeed(
            MatchPublisher publisher,
            String topic,
            MatchDescriptor descriptor,
            List<MatchEvent> events,
            HlsPlayout playout,
            long endMs) {
        this.publisher = publisher;
        this.topic = topic;
        this.descriptor = descriptor;
        this.events = events;
        this.playout = playout;
        this.endMs = endMs;
        this.thread = new Thread(this::run, "feed-" + descriptor.matchId());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Why the feed stopped early, or null. */
    Exception failure() {
        return failure;
    }

    private void run() {
        try {
            sleepUntil(playout.wallTimeAt(0));
            publisher.publish(topic, descriptor.event());
            for (MatchEvent e : events) {
                sleepUntil(playout.wallTimeAt(e.getVideoTimeMs()));
                publisher.publish(topic, e);
            }
            if (!events.isEmpty()) {
                sleepUntil(playout.wallTimeAt(endMs));
                publisher.publish(topic, MatchPublisher.matchEnd(events.get(events.size() - 1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }
}

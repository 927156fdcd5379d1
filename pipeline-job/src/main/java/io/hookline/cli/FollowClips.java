package io.hookline.cli;

import io.hookline.ingest.kafka.ClipsTopicReader;
import io.hookline.model.RenderedClip;
import io.hookline.publish.LivePublishing;
import io.hookline.publish.MatchClips;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.WakeupException;

/**
 * {@code publish --follow}: publishes each clip as it lands on the clips topic. A (re)start first reads the
 * topic's whole backlog, so withdrawals later in it are known before any clip is sent and a full quota goes
 * to the best ranks, then follows new records. What is already done is in the ledger, which makes re-reading
 * the backlog after a restart harmless.
 */
final class FollowClips {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ClipsTopicReader reader;
    private final LivePublishing live;
    private final Function<RenderedClip, MatchClips> files;
    private volatile boolean stopped;

    /** @param files a landed clip as publishing reads it, its files local (copied first from an S3 output) */
    FollowClips(ClipsTopicReader reader, LivePublishing live, Function<RenderedClip, MatchClips> files) {
        this.reader = reader;
        this.live = live;
        this.files = files;
    }

    /** Runs until {@link #stop}; the clips in hand when it is called are finished first. */
    void run() throws InterruptedException {
        try {
            handle(reader.catchUp());
            while (!stopped) {
                handle(reader.poll(POLL));
            }
        } catch (WakeupException e) {
            // stop() woke a waiting poll.
        }
    }

    /** Asks {@link #run} to return once the clip in hand is done; safe from another thread. */
    void stop() {
        stopped = true;
        reader.wakeup();
    }

    /** Withdrawals first, so a clip withdrawn in the same batch is never sent. */
    private void handle(List<RenderedClip> batch) throws InterruptedException {
        for (RenderedClip clip : batch) {
            if (clip.getWithdrawn()) {
                live.withdrawn(clip.getMatchId(), clip.getClipId(), LandedClips.withdrawal(clip));
            }
        }
        List<MatchClips> landed =
                batch.stream().filter(clip -> !clip.getWithdrawn()).map(files).toList();
        if (!landed.isEmpty() && !stopped) {
            live.landed(landed);
        }
    }
}

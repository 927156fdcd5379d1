package io.hookline.job;

import io.hookline.ingest.video.Edge;
import io.hookline.ingest.video.LiveVideo;
import io.hookline.ingest.video.Window;
import io.hookline.model.Play;
import io.hookline.planning.PlayWindow;
import io.hookline.profiles.HighlightRules;
import io.hookline.render.LiveClipSource;
import io.hookline.render.analysis.MediaAnalyzer;
import io.hookline.render.analysis.MediaMeasurements;
import io.hookline.render.analysis.PlaySignals;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.SourceOptions;
import io.hookline.render.media.SourceReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Measures each play's stretch of video (motion, where the action is, shot cuts, crowd loudness) off the
 * task thread. A play whose video cannot be measured goes on without signals, with the reason, so it is
 * ranked on its events alone. A growing video is waited for until it covers the play's clip; the crowd's
 * reaction after that counts as far as the video already goes, so a live play is never held back for it.
 */
final class AnalyzeMedia extends RichAsyncFunction<Play, Play> {
    /** The crowd's reaction and a broadcast's replay come after the play: look this far past it. */
    static final long AFTER_MS = 8_000;
    /** A live play is measured over a second at least, even one whose clip would be a single moment. */
    static final long MIN_LIVE_MS = 1_000;
    /** A live video no play has been measured on for this long is let go: its match is most likely over. */
    static final Duration IDLE = Duration.ofMinutes(30);

    private final VideoSource video;
    private final HighlightRules rules;
    private final long videoDurationMs;
    private final int concurrency;
    private final Duration videoWait;
    private transient ExecutorService executor;
    private transient Map<String, String> resolved;
    private transient IdleClosing<LiveVideo> growing;

    /** @param videoWait how long a play waits for a growing video to cover its clip */
    AnalyzeMedia(VideoSource video, HighlightRules rules, long videoDurationMs, int concurrency, Duration videoWait) {
        this.video = video;
        this.rules = rules;
        this.videoDurationMs = videoDurationMs;
        this.concurrency = concurrency;
        this.videoWait = videoWait;
    }

    @Override
    public void open(OpenContext context) {
        resolved = new ConcurrentHashMap<>();
        growing = new IdleClosing<>(IDLE, System::currentTimeMillis);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "media analysis " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void asyncInvoke(Play play, ResultFuture<Play> result) {
        executor.execute(() -> {
            Play measured;
            try {
                measured = analyse(play);
            } catch (RuntimeException e) {
                // A play always goes on: the planner takes a live match's plays in order and would wait for it.
                measured = Play.newBuilder(play)
                        .setMediaProblem("media analysis failed: " + e)
                        .build();
            }
            result.complete(List.of(measured));
        });
    }

    @Override
    public void timeout(Play play, ResultFuture<Play> result) {
        result.complete(List.of(Play.newBuilder(play)
                .setMediaProblem("media analysis timed out")
                .build()));
    }

    private Play analyse(Play play) {
        if (MatchEnd.is(play) || play.getEvents().isEmpty()) {
            return play;
        }
        VideoSource source = video.forMatch(play.getVideo());
        if (!source.given()) {
            return Play.newBuilder(play).setMediaProblem(VideoSource.NONE).build();
        }
        if (source.growing()) {
            LiveVideo live = growing.acquire(source.location(), source::openLive);
            try {
                return analyseLive(play, live);
            } finally {
                growing.release(source.location());
            }
        }
        // A match's own video was not probed when the job started: its length is found by reading it.
        long durationMs = source == video ? videoDurationMs : Long.MAX_VALUE;
        if (durationMs < 0) {
            return Play.newBuilder(play)
                    .setMediaProblem("the video could not be read")
                    .build();
        }
        PlayWindow window = PlayWindow.of(play, rules, durationMs);
        long end = Math.min(durationMs, Math.max(window.endMs(), play.getEndMs() + AFTER_MS));
        try (SourceReader reader =
                SourceReader.open(resolved.computeIfAbsent(source.location(), l -> source.resolve()), 1)) {
            MediaMeasurements m = MediaAnalyzer.measure(reader, window.startMs() * 1000, end * 1000);
            return Play.newBuilder(play)
                    .setMedia(PlaySignals.of(m, play.getStartMs() * 1000, (play.getEndMs() + AFTER_MS / 2) * 1000))
                    .setVideoDurationMs(reader.info().durationMs())
                    .build();
        } catch (MediaException | IllegalStateException e) {
            return Play.newBuilder(play)
                    .setMediaProblem("media analysis failed: " + e.getMessage())
                    .build();
        }
    }

    private Play analyseLive(Play play, LiveVideo live) {
        PlayWindow window = PlayWindow.of(play, rules, Long.MAX_VALUE);
        // A play without a clip only adds to the match's loudness baseline: it is measured if its video is there.
        boolean clip = PlayWindow.rule(play, rules).clip();
        long clipEnd = Math.max(window.endMs(), window.startMs() + MIN_LIVE_MS);
        try {
            Edge edge = LiveClipSource.awaitEdge(live, clipEnd, clip ? videoWait : Duration.ZERO);
            if (!clip && edge.coveredMs() < clipEnd) {
                return play;
            }
            long end = Math.max(clipEnd, Math.min(play.getEndMs() + AFTER_MS, edge.coveredMs()));
            Window stretch = live.await(window.startMs(), end, videoWait, LiveClipSource.POLL);
            try (SourceReader reader = SourceReader.open(
                    stretch.location(),
                    1,
                    SourceOptions.live(stretch.demuxerOptions(), stretch.identity(), stretch.firstFrameUs()))) {
                MediaMeasurements m = MediaAnalyzer.measure(reader, window.startMs() * 1000, end * 1000);
                return Play.newBuilder(play)
                        .setMedia(PlaySignals.of(m, play.getStartMs() * 1000, (play.getEndMs() + AFTER_MS / 2) * 1000))
                        .build();
            } finally {
                live.release(stretch);
            }
        } catch (IOException | MediaException e) {
            return Play.newBuilder(play)
                    .setMediaProblem("media analysis failed: " + e.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Play.newBuilder(play)
                    .setMediaProblem("media analysis stopped")
                    .build();
        }
    }

    @Override
    public void close() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (growing != null) {
            growing.closeAll();
        }
    }
}

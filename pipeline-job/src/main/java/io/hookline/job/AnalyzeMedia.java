package io.hookline.job;

import io.hookline.model.Play;
import io.hookline.planning.PlayWindow;
import io.hookline.profiles.HighlightRules;
import io.hookline.render.analysis.MediaAnalyzer;
import io.hookline.render.analysis.MediaMeasurements;
import io.hookline.render.analysis.PlaySignals;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.SourceReader;
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
 * ranked on its events alone.
 */
final class AnalyzeMedia extends RichAsyncFunction<Play, Play> {
    /** The crowd's reaction and a broadcast's replay come after the play: look this far past it. */
    static final long AFTER_MS = 8_000;

    private final VideoSource video;
    private final HighlightRules rules;
    private final long videoDurationMs;
    private final int concurrency;
    private transient ExecutorService executor;
    private transient Map<String, String> resolved;

    AnalyzeMedia(VideoSource video, HighlightRules rules, long videoDurationMs, int concurrency) {
        this.video = video;
        this.rules = rules;
        this.videoDurationMs = videoDurationMs;
        this.concurrency = concurrency;
    }

    @Override
    public void open(OpenContext context) {
        resolved = new ConcurrentHashMap<>();
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "media analysis " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void asyncInvoke(Play play, ResultFuture<Play> result) {
        executor.execute(() -> result.complete(List.of(analyse(play))));
    }

    @Override
    public void timeout(Play play, ResultFuture<Play> result) {
        result.complete(List.of(Play.newBuilder(play).setMediaProblem("media analysis timed out").build()));
    }

    private Play analyse(Play play) {
        if (MatchEnd.is(play) || play.getEvents().isEmpty()) {
            return play;
        }
        VideoSource source = video.forMatch(play.getVideo());
        if (!source.given()) {
            return Play.newBuilder(play).setMediaProblem(VideoSource.NONE).build();
        }
        // A match's own video was not probed when the job started: its length is found by reading it.
        long durationMs = source == video ? videoDurationMs : Long.MAX_VALUE;
        if (durationMs < 0) {
            return Play.newBuilder(play).setMediaProblem("the video could not be read").build();
        }
        PlayWindow window = PlayWindow.of(play, rules, durationMs);
        long end = Math.min(durationMs, Math.max(window.endMs(), play.getEndMs() + AFTER_MS));
        try (SourceReader reader = SourceReader.open(resolved.computeIfAbsent(source.location(), l -> source.resolve()), 1)) {
            MediaMeasurements m = MediaAnalyzer.measure(reader, window.startMs() * 1000, end * 1000);
            return Play.newBuilder(play)
                    .setMedia(PlaySignals.of(m, play.getStartMs() * 1000, (play.getEndMs() + AFTER_MS / 2) * 1000))
                    .setVideoDurationMs(reader.info().durationMs())
                    .build();
        } catch (MediaException | IllegalStateException e) {
            return Play.newBuilder(play).setMediaProblem("media analysis failed: " + e.getMessage()).build();
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

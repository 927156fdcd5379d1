package io.hookline.job;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.render.ClipRenderer;
import io.hookline.render.RenderResults;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Renders clips off the task thread, a bounded number at a time, so long renders never block checkpoints.
 * Clips waiting for a renderer go best first (a live job hands over clips as plays end, and a great play
 * should not queue behind a dull one), and in arrival order on a tie. Each match's clips are cut from the
 * video its descriptor names, or from the job's. A render that throws or times out still yields a clip,
 * with every rendition failed and the reason.
 */
final class RenderClips extends RichAsyncFunction<ClipPlan, RenderedClip> {
    private final RendererFactory factory;
    private final VideoSource video;
    private final int concurrency;
    private transient Map<String, ClipRenderer> renderers;
    private transient ThreadPoolExecutor executor;
    private transient AtomicLong arrivals;

    RenderClips(RendererFactory factory, VideoSource video, int concurrency) {
        this.factory = factory;
        this.video = video;
        this.concurrency = concurrency;
    }

    @Override
    public void open(OpenContext context) {
        renderers = new ConcurrentHashMap<>();
        arrivals = new AtomicLong();
        AtomicInteger n = new AtomicInteger();
        String task = getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
        executor = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "render " + n.incrementAndGet() + " of " + task);
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void asyncInvoke(ClipPlan plan, ResultFuture<RenderedClip> result) {
        executor.execute(new Job(plan, arrivals.getAndIncrement(), () -> {
            RenderedClip clip;
            try {
                ClipRenderer renderer = renderers.computeIfAbsent(plan.getVideo() == null ? "" : plan.getVideo(),
                        v -> factory.create(video.forMatch(plan.getVideo())));
                clip = renderer.render(plan);
            } catch (RuntimeException | Error e) {
                clip = RenderResults.failedClip(plan, "render failed: " + e);
            }
            result.complete(List.of(clip));
        }));
    }

    @Override
    public void timeout(ClipPlan plan, ResultFuture<RenderedClip> result) {
        result.complete(List.of(RenderResults.failedClip(plan, "render timed out")));
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** A render waiting for a thread: the best score first, then the earliest arrival. */
    private record Job(ClipPlan plan, long arrival, Runnable work) implements Runnable, Comparable<Job> {
        private static final Comparator<Job> ORDER = Comparator.comparingDouble((Job j) -> -j.plan.getScore())
                .thenComparingLong(Job::arrival);

        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Job other) {
            return ORDER.compare(this, other);
        }
    }
}

package io.hookline.job;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.render.ClipRenderer;
import io.hookline.render.RenderResults;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Renders clips off the task thread, a bounded number at a time, so long renders never block checkpoints.
 * A render that throws or times out still yields a clip, with every rendition failed and the reason.
 */
final class RenderClips extends RichAsyncFunction<ClipPlan, RenderedClip> {
    private final RendererFactory factory;
    private final int concurrency;
    private transient ClipRenderer renderer;
    private transient ExecutorService executor;

    RenderClips(RendererFactory factory, int concurrency) {
        this.factory = factory;
        this.concurrency = concurrency;
    }

    @Override
    public void open(OpenContext context) {
        renderer = factory.create();
        AtomicInteger n = new AtomicInteger();
        String task = getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
        executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "render " + n.incrementAndGet() + " of " + task);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void asyncInvoke(ClipPlan plan, ResultFuture<RenderedClip> result) {
        executor.execute(() -> {
            RenderedClip clip;
            try {
                clip = renderer.render(plan);
            } catch (RuntimeException | Error e) {
                clip = RenderResults.failedClip(plan, "render failed: " + e);
            }
            result.complete(List.of(clip));
        });
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
}

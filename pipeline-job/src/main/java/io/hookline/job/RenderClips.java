package io.hookline.job;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.profiles.ProfileSet;
import io.hookline.render.ClipRenderer;
import io.hookline.render.RenderResults;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders clips off the task thread, a bounded number at a time, so long renders never block checkpoints.
 * Clips waiting for a renderer go in {@link RenderOrder}: best first (a live job hands over clips as plays end,
 * and a great play should not queue behind a dull one), but a clip that has waited long enough is not overtaken
 * by later ones. A clip's later passes keep its place from when it arrived. Each match's clips are cut from the
 * video its descriptor names, or from the job's. A render that throws or times out still yields a clip,
 * with every rendition failed and the reason.
 *
 * <p>When the passes split a clip (live), its first pass runs on a renderer of its own, so the first version
 * of a clip never waits behind the other renditions of earlier clips; its later passes then queue with the
 * rest. Each rendition's files are committed as its pass ends; the clip goes on once all passes are done.
 *
 * <p>A clip is rendered with the profile version its plan was made with, whatever version the job plans with by
 * then: plans waiting here are in the checkpoint, and a restored one still names its version.
 */
final class RenderClips extends RichAsyncFunction<ClipPlan, RenderedClip> {
    private static final Logger LOG = LoggerFactory.getLogger(RenderClips.class);
    /** How long closing waits for renders to stop before it lets go of their renderers' shared files. */
    private static final long RENDER_STOP_SECONDS = 10;

    private final RendererFactory factory;
    private final VideoSource video;
    private final ProfileVersions versions;
    private final boolean namesVersion;
    private final int concurrency;
    private final RenditionPasses passes;
    private transient IdleClosing<ClipRenderer> renderers;
    private transient ThreadPoolExecutor executor;
    private transient ThreadPoolExecutor firstPasses;
    private transient AtomicLong arrivals;
    private transient RenderLag lag;

    /** @param namesVersion whether each clip names its profile version (a live job's may differ clip to clip) */
    RenderClips(
            RendererFactory factory,
            VideoSource video,
            ProfileVersions versions,
            boolean namesVersion,
            int concurrency,
            RenditionPasses passes) {
        this.factory = factory;
        this.video = video;
        this.versions = versions;
        this.namesVersion = namesVersion;
        this.concurrency = concurrency;
        this.passes = passes;
    }

    @Override
    public void open(OpenContext context) {
        renderers = new IdleClosing<>(AnalyzeMedia.IDLE, System::currentTimeMillis);
        arrivals = new AtomicLong();
        lag = new RenderLag(System::currentTimeMillis);
        String task = getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
        // The later passes run at a lower priority: they fill the cores, and yield them to first renditions.
        executor = renderThreads(concurrency, n -> "render " + n + " of " + task, passes.split());
        firstPasses = renderThreads(1, n -> "first renditions of " + task, false);
    }

    private static ThreadPoolExecutor renderThreads(int count, IntFunction<String> name, boolean background) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(
                    () -> {
                        if (background) {
                            BackgroundPriority.lowerCurrentThread();
                        }
                        r.run();
                    },
                    name.apply(n.incrementAndGet()));
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void asyncInvoke(ClipPlan plan, ResultFuture<RenderedClip> result) {
        ProfileSet profiles;
        try {
            profiles = versions.resolve(plan.getProfileVersion());
        } catch (RuntimeException e) {
            result.complete(List.of(named(RenderResults.failedClip(plan, "render failed: " + e.getMessage()), plan)));
            return;
        }
        List<List<String>> split = passes.of(plan, profiles);
        long planned = System.currentTimeMillis();
        double key = RenderOrder.key(plan.getScore(), planned);
        long arrival = arrivals.getAndIncrement();
        if (split.size() == 1) {
            executor.execute(new Job(key, arrival, () -> {
                noteLag(plan, planned);
                result.complete(List.of(named(render(plan, profiles), plan)));
            }));
            return;
        }
        firstPasses.execute(new Job(key, arrival, () -> {
            RenderedClip first = render(only(plan, split.get(0)), profiles);
            executor.execute(new Job(key, arrival, () -> {
                noteLag(plan, planned);
                RenderedClip rest = render(only(plan, split.get(1)), profiles);
                result.complete(List.of(named(RenderResults.joined(plan, List.of(first, rest)), plan)));
            }));
        }));
    }

    /** A live clip's last render is starting: says so if the renderers fall behind the matches. */
    private void noteLag(ClipPlan plan, long planned) {
        if (passes.split()) {
            String warning = lag.started(
                    plan.getClipId(),
                    plan.getMatchId(),
                    planned,
                    executor.getQueue().size());
            if (warning != null) {
                LOG.warn(warning);
            }
        }
    }

    private RenderedClip named(RenderedClip clip, ClipPlan plan) {
        return namesVersion
                ? RenderedClip.newBuilder(clip)
                        .setProfileVersion(plan.getProfileVersion())
                        .build()
                : clip;
    }

    private RenderedClip render(ClipPlan plan, ProfileSet profiles) {
        long start = System.nanoTime();
        LOG.info(
                "rendering clip {} of match {} with profile version {}: {}",
                plan.getClipId(),
                plan.getMatchId(),
                profiles.version(),
                plan.getRenditions());
        RenderedClip clip;
        try {
            // One renderer per video and profile version: a renderer holds its renditions' settings.
            String key = (plan.getVideo() == null ? "" : plan.getVideo()) + "\n" + profiles.version();
            ClipRenderer renderer =
                    renderers.acquire(key, () -> factory.create(video.forMatch(plan.getVideo()), profiles));
            try {
                clip = renderer.render(plan);
            } finally {
                renderers.release(key);
            }
        } catch (RuntimeException | Error e) {
            clip = RenderResults.failedClip(plan, "render failed: " + e);
        }
        LOG.info(
                "rendered clip {} of match {}: {} in {} ms",
                plan.getClipId(),
                plan.getMatchId(),
                plan.getRenditions(),
                (System.nanoTime() - start) / 1_000_000);
        return clip;
    }

    private static ClipPlan only(ClipPlan plan, List<String> renditions) {
        return ClipPlan.newBuilder(plan).setRenditions(renditions).build();
    }

    @Override
    public void timeout(ClipPlan plan, ResultFuture<RenderedClip> result) {
        result.complete(List.of(RenderResults.failedClip(plan, "render timed out")));
    }

    @Override
    public void close() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            firstPasses.shutdownNow();
            // A render still running may use its renderer until it sees the interrupt.
            executor.awaitTermination(RENDER_STOP_SECONDS, TimeUnit.SECONDS);
            firstPasses.awaitTermination(RENDER_STOP_SECONDS, TimeUnit.SECONDS);
            renderers.closeAll();
        }
    }

    /** A render waiting for a thread: the lowest {@link RenderOrder#key} first, then the earliest arrival. */
    private record Job(double key, long arrival, Runnable work) implements Runnable, Comparable<Job> {
        private static final Comparator<Job> ORDER =
                Comparator.comparingDouble(Job::key).thenComparingLong(Job::arrival);

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

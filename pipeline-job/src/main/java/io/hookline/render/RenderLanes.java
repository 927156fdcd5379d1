package io.hookline.render;

import io.hookline.render.media.MediaException;
import io.hookline.render.media.Picture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The renditions of one decode pass spread over threads. Each lane filters and encodes its own renditions with
 * filters of its own, so single-threaded encoders keep several cores busy without the cost of x264's frame
 * threads; the decoding thread hands every lane a reference to each frame and goes on decoding. A single
 * rendition (a live clip's first pass) still gets a lane thread when more than one is allowed, so its
 * decoding and its encoding overlap; with one lane allowed everything runs on the decoding thread.
 */
final class RenderLanes implements AutoCloseable {
    /** Frames a lane may fall behind the decoder: enough to ride out one slow frame, few enough to bound memory. */
    private static final int QUEUE_FRAMES = 4;

    private final List<Lane> lanes = new ArrayList<>();

    /** Puts each pipeline on a lane and has it filter through that lane's filters. */
    RenderLanes(List<RenditionPipeline> pipelines, int count) {
        int[] lane = LaneAssignment.assign(
                pipelines.stream()
                        .map(p -> new LaneAssignment.Work(p.filterKey(), p.encodeCost()))
                        .toList(),
                count);
        int used = 1 + Arrays.stream(lane).max().orElse(0);
        for (int i = 0; i < used; i++) {
            lanes.add(new Lane(i, count > 1));
        }
        for (int i = 0; i < pipelines.size(); i++) {
            lanes.get(lane[i]).add(pipelines.get(i));
        }
        lanes.forEach(Lane::start);
    }

    /** Takes a decoded frame shown during [startUs, endUs); the caller keeps its own reference. */
    void accept(Picture frame, long startUs, long endUs) {
        for (Lane lane : lanes) {
            lane.offer(new Item(frame, startUs, endUs, null));
        }
    }

    /** Waits until every lane has taken every frame handed to it so far. */
    void drain() {
        CountDownLatch done = new CountDownLatch(lanes.size());
        for (Lane lane : lanes) {
            lane.offer(new Item(null, 0, 0, done));
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while the renditions were encoding");
        }
        for (Lane lane : lanes) {
            if (lane.failure != null) {
                throw new MediaException("a render lane failed: " + lane.failure);
            }
        }
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.stop();
        }
        for (Lane lane : lanes) {
            lane.filters.close();
        }
    }

    /** A frame for the lanes, or (with no frame) a point every lane has reached once it counts down. */
    private record Item(Picture frame, long startUs, long endUs, CountDownLatch reached) {}

    private static final class Lane implements Runnable {
        private static final Item STOP = new Item(null, 0, 0, null);

        private final List<RenditionPipeline> pipelines = new ArrayList<>();
        private final SharedFilters filters = new SharedFilters();
        private final BlockingQueue<Item> queue;
        private final Thread thread;
        private volatile Throwable failure;

        Lane(int index, boolean threaded) {
            this.queue = threaded ? new ArrayBlockingQueue<>(QUEUE_FRAMES) : null;
            this.thread = threaded ? new Thread(this, "hookline-render-lane-" + index) : null;
        }

        void add(RenditionPipeline pipeline) {
            pipeline.filterWith(filters);
            pipelines.add(pipeline);
        }

        void start() {
            if (thread != null) {
                thread.setDaemon(true);
                thread.start();
            }
        }

        void offer(Item item) {
            if (thread == null) {
                process(item);
                return;
            }
            Item own = item.frame() == null ? item : new Item(item.frame().copy(), item.startUs(), item.endUs(), null);
            try {
                queue.put(own);
            } catch (InterruptedException e) {
                if (own.frame() != null) {
                    own.frame().close();
                }
                Thread.currentThread().interrupt();
                throw new MediaException("interrupted while the renditions were encoding");
            }
        }

        @Override
        public void run() {
            while (true) {
                Item item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (item == STOP) {
                    return;
                }
                try {
                    if (failure == null || item.frame() == null) {
                        process(item);
                    }
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    if (item.frame() != null) {
                        item.frame().close();
                    }
                }
            }
        }

        private void process(Item item) {
            if (item.frame() == null) {
                if (item.reached() != null) {
                    item.reached().countDown();
                }
                return;
            }
            filters.nextSourceFrame();
            for (RenditionPipeline r : pipelines) {
                try {
                    r.accept(item.frame(), item.startUs(), item.endUs());
                } catch (RuntimeException e) {
                    r.fail(e.getMessage());
                }
            }
        }

        void stop() {
            if (thread == null) {
                return;
            }
            // Frames the lane has not taken yet are released here; nothing is added any more, so STOP fits.
            releaseQueued();
            queue.add(STOP);
            // The lane's pipelines and filters are freed after this: it must have stopped touching them.
            Concurrently.awaitAll(List.of(thread));
            releaseQueued();
        }

        private void releaseQueued() {
            Item left;
            while ((left = queue.poll()) != null) {
                if (left.frame() != null) {
                    left.frame().close();
                }
            }
        }
    }
}

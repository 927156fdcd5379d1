package io.hookline.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs a task for each item on up to n threads, the caller's among them, and returns when all are done. */
public final class Concurrently {

    private Concurrently() {}

    /** The first task to throw makes this throw the same, once every thread has stopped. */
    public static <T> void forEach(List<T> items, int threads, Consumer<T> task) {
        int count = Math.min(threads, items.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement();
                    i < items.size() && failure.get() == null;
                    i = next.getAndIncrement()) {
                try {
                    task.accept(items.get(i));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            Thread t = new Thread(worker, "hookline-render-helper-" + i);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        worker.run();
        // The tasks touch the caller's native objects: wait for them whatever happens.
        awaitAll(helpers);
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Waits until every thread has ended, even when interrupted; the interrupt is kept for the caller. */
    public static void awaitAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

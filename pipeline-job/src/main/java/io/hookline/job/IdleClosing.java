package io.hookline.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task opens per video (a live video it follows, a renderer and the video it holds), shared by the
 * work on that video and closed once nothing has used it for a while. A live job serves matches for days:
 * without this it would hold the playlist and the renderer of every match it ever served. Something closed
 * is opened again if its video is asked for later (a late correction).
 */
final class IdleClosing<V extends AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(IdleClosing.class);

    private final Duration idle;
    private final LongSupplier clockMs;
    private final Map<String, Held<V>> held = new HashMap<>();

    /** @param clockMs the time in milliseconds (the wall clock in a job) */
    IdleClosing(Duration idle, LongSupplier clockMs) {
        this.idle = idle;
        this.clockMs = clockMs;
    }

    /**
     * The value held for {@code key}, opened now if there is none; the caller {@link #release}s it when done.
     * Other values idle for the idle time or longer are closed first.
     */
    V acquire(String key, Supplier<V> open) {
        List<AutoCloseable> idleOnes;
        Held<V> h;
        synchronized (this) {
            idleOnes = takeIdle(key);
            h = held.get(key);
            if (h == null) {
                h = new Held<>(open.get());
                held.put(key, h);
            }
            h.users++;
        }
        closeQuietly(idleOnes);
        return h.value;
    }

    /** Done with the value of {@code key} for now; it stays open for the next user until it has been idle. */
    synchronized void release(String key) {
        Held<V> h = held.get(key);
        if (h != null) {
            h.users--;
            h.lastUsedMs = clockMs.getAsLong();
        }
    }

    /** How many values are open now. */
    synchronized int open() {
        return held.size();
    }

    /** Closes everything, in use or not: the task is stopping. */
    void closeAll() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>(held.values().stream().map(h -> h.value).toList());
            held.clear();
        }
        closeQuietly(all);
    }

    private List<AutoCloseable> takeIdle(String except) {
        long now = clockMs.getAsLong();
        List<AutoCloseable> idleOnes = new ArrayList<>();
        for (Iterator<Map.Entry<String, Held<V>>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Held<V>> e = it.next();
            Held<V> h = e.getValue();
            if (h.users == 0
                    && now - h.lastUsedMs >= idle.toMillis()
                    && !e.getKey().equals(except)) {
                idleOnes.add(h.value);
                it.remove();
            }
        }
        return idleOnes;
    }

    private static void closeQuietly(List<AutoCloseable> values) {
        for (AutoCloseable v : values) {
            try {
                v.close();
            } catch (Exception e) {
                // Letting go: a failure to close is told, and leaves nothing else for the job to do.
                LOG.warn("could not close {}: {}", v, e.toString());
            }
        }
    }

    private static final class Held<V> {
        final V value;
        int users;
        long lastUsedMs;

        Held(V value) {
            this.value = value;
        }
    }
}

package io.hookline.render.sound;

import io.hookline.render.Concurrently;
import io.hookline.render.media.WindowedPcm;
import java.util.List;

/**
 * A pass's sounds ({@link PassSounds}) being made on a thread of their own while the caller decodes and encodes
 * the pictures. Closing waits for that thread, whatever happened to the pictures, then frees the sounds.
 */
public final class SoundWork implements AutoCloseable {
    private final Thread thread;
    private volatile PassSounds sounds;
    private volatile Throwable failure;

    private SoundWork(WindowedPcm pcm, List<PassSounds.Request> requests, int threads) {
        thread = new Thread(
                () -> {
                    try {
                        sounds = PassSounds.encode(pcm, requests, threads);
                    } catch (Throwable t) {
                        failure = t;
                    }
                },
                "hookline-render-sound");
        thread.setDaemon(true);
    }

    /** Starts making the sounds the requests need from {@code pcm}, which must be complete and left alone. */
    public static SoundWork start(WindowedPcm pcm, List<PassSounds.Request> requests, int threads) {
        SoundWork work = new SoundWork(pcm, requests, threads);
        work.thread.start();
        return work;
    }

    /** The sounds, once made; throws what stopped them being made. */
    public PassSounds await() {
        Concurrently.awaitAll(List.of(thread));
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return sounds;
    }

    @Override
    public void close() {
        Concurrently.awaitAll(List.of(thread));
        if (sounds != null) {
            sounds.close();
        }
    }
}

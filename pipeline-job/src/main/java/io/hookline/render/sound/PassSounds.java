package io.hookline.render.sound;

import io.hookline.render.Concurrently;
import io.hookline.render.media.WindowedPcm;
import io.hookline.render.sound.RenditionSound.EncodedSound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sounds of one decode pass, one per distinct audio setting, encoded on several threads. A clip whose peaks
 * AAC lifts over the ceiling lifts them in every setting with the same loudness target, so the first setting of
 * each target is encoded first and the others start from the ceiling it had to use, instead of each finding out
 * with an encode of its own. Which setting learns from which is fixed by the order of the requests, so a sound
 * never depends on which thread finished first. Settings of one timeline level the same cut of the sound, measured
 * once for them all.
 */
public final class PassSounds implements AutoCloseable {
    /** By audio key: the sound, or why it could not be made. */
    private final Map<Object, Object> sounds = new ConcurrentHashMap<>();
    /** By sound key: the clip's sound as cut for a timeline, measured once for all its loudness settings. */
    private final Map<Object, LoudnessNormalizer.Measured> measured = new ConcurrentHashMap<>();

    private final WindowedPcm pcm;

    /** One rendition's sound, and the corrections its tuning asks for. */
    public record Request(RenditionSound sound, double loudnessOffsetDb, double ceilingOffsetDb) {
        Object key() {
            return sound.key(loudnessOffsetDb, ceilingOffsetDb);
        }

        double target() {
            return sound.spec().loudnessLufs() + loudnessOffsetDb;
        }

        double askedCeiling() {
            return sound.spec().truePeakDbtp() + ceilingOffsetDb;
        }
    }

    private PassSounds(WindowedPcm pcm) {
        this.pcm = pcm;
    }

    /** Encodes every distinct sound the requests need from {@code pcm}, on up to {@code threads} threads. */
    static PassSounds encode(WindowedPcm pcm, List<Request> requests, int threads) {
        Map<Object, Request> distinct = new LinkedHashMap<>();
        requests.forEach(r -> distinct.putIfAbsent(r.key(), r));
        Map<Double, Request> firsts = new LinkedHashMap<>();
        distinct.values().forEach(r -> firsts.putIfAbsent(r.target(), r));
        List<Request> rest = new ArrayList<>(distinct.values());
        rest.removeAll(firsts.values());

        PassSounds pass = new PassSounds(pcm);
        Concurrently.forEach(new ArrayList<>(firsts.values()), threads, r -> pass.make(r, 0));
        // By loudness target: how far under its asked ceiling the first sound had to be limited (0 or less).
        Map<Double, Double> cuts = new HashMap<>();
        firsts.forEach((target, r) -> cuts.put(
                target,
                pass.sounds.get(r.key()) instanceof EncodedSound s
                        ? Math.min(0, s.ceilingDbtp() - r.askedCeiling())
                        : 0));
        Concurrently.forEach(rest, threads, r -> pass.make(r, cuts.get(r.target())));
        return pass;
    }

    private void make(Request r, double cut) {
        try {
            // Settings that share a sound key wait here for the one measuring it.
            LoudnessNormalizer.Measured sound = measured.computeIfAbsent(
                    r.sound().levellingKey(), k -> r.sound().measured(pcm));
            sounds.put(r.key(), r.sound().encode(sound, r.loudnessOffsetDb(), r.ceilingOffsetDb() + cut));
        } catch (RuntimeException e) {
            sounds.put(r.key(), e);
        }
    }

    /** The sound made for the request; throws what stopped it being made. */
    public EncodedSound of(Request r) {
        Object sound = sounds.get(r.key());
        if (sound instanceof RuntimeException e) {
            throw e;
        }
        if (sound == null) {
            throw new IllegalStateException("no sound was made for " + r.sound().rendition());
        }
        return (EncodedSound) sound;
    }

    @Override
    public void close() {
        sounds.values().forEach(s -> {
            if (s instanceof EncodedSound e) {
                e.close();
            }
        });
        sounds.clear();
        measured.clear();
    }
}

package io.hookline.render;

import io.hookline.render.media.EncodedPacket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segments one decode pass encodes, by key. Two renditions of a clip can show a stretch identically (same
 * frame, graphics and encoder settings, as 9:16 Reels and Stories do): the first to claim its key encodes it, the
 * other takes its packets when the pass ends, so each distinct segment is encoded once per pass. Segments are
 * claimed before the decode and made on the render lanes' threads.
 */
final class SharedSegments {
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, List<EncodedPacket>> made = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Whether {@code rendition} is the one that encodes the segment {@code key}: the first to ask is. */
    boolean claim(String key, String rendition) {
        return owners.putIfAbsent(key, rendition) == null;
    }

    /**
     * What renditions of this pass hold while they make or look up the segment {@code key} in the write phase
     * (the intro and outro cards), so two that need the same one at once encode it once.
     */
    Object lock(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    void made(String key, List<EncodedPacket> packets) {
        made.put(key, packets);
    }

    /** The packets another rendition encoded for {@code key}; fails naming it when it did not finish. */
    List<EncodedPacket> packets(String key) {
        List<EncodedPacket> packets = made.get(key);
        if (packets == null) {
            throw new IllegalStateException(
                    "a segment shared with " + owners.get(key) + " was not encoded: " + owners.get(key) + " failed");
        }
        return packets;
    }
}

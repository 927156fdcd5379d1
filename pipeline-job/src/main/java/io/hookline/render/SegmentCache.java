package io.hookline.render;

import io.hookline.render.media.EncodedPacket;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Encoded segments kept between clips. A stretch of match that several clips show (a play's body in its
 * own clip and in the compilations it is part of) is encoded once and joined into the others by packet copy.
 * Keys cover everything that shapes the pictures: the source, the stretch, the frame, the crop path and the
 * encoder settings.
 */
public interface SegmentCache extends Serializable {

    /** No cache: everything is encoded. */
    SegmentCache NONE = new SegmentCache() {
        @Override
        public Optional<List<EncodedPacket>> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, List<EncodedPacket> packets) {}
    };

    Optional<List<EncodedPacket>> get(String key);

    void put(String key, List<EncodedPacket> packets);
}

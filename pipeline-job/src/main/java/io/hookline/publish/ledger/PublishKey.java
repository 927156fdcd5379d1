package io.hookline.publish.ledger;

import java.util.Objects;

/** One rendition of one clip on one destination: the ledger holds exactly one record per key. */
public record PublishKey(String clipId, String rendition, String destination) {
    public PublishKey {
        requireText(clipId, "clipId");
        requireText(rendition, "rendition");
        requireText(destination, "destination");
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    @Override
    public String toString() {
        return clipId + "/" + rendition + "@" + destination;
    }
}

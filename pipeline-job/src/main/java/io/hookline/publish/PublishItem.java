package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.publish.ledger.PublishKey;
import java.nio.file.Path;

/**
 * Everything a publisher needs for one ledger record: the clip, its file and the post's text.
 *
 * @param title   the destination's title template filled from the clip
 * @param caption the caption template filled, then the link and hashtags
 * @param secret  the destination's credential; its toString hides it, so logging an item is safe
 */
public record PublishItem(
        PublishKey key,
        String matchId,
        String kind,
        int rank,
        double score,
        String title,
        String caption,
        Path file,
        long bytes,
        String sha256,
        Destination destination,
        Secret secret) {

    /** What receivers may dedupe on: the ledger key, the same on every attempt and every re-run. */
    public String idempotencyKey() {
        return matchId + "/" + key;
    }
}

package io.hookline.publish.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * One post an emulator accepted: where it went, what the client said about it, and which media it carried.
 *
 * @param account     the channel, account, chat or recipient the post went to
 * @param mediaSha256 hex SHA-256 of the media bytes; the manifest lists the same hash per rendition, so it
 *                    identifies the clip without any help from the publisher
 * @param metadata    the client's metadata (title, caption, privacy…) as the platform received it
 */
public record PostRecord(
        String platform,
        String postId,
        String account,
        String mediaSha256,
        long mediaBytes,
        Map<String, String> metadata,
        Instant postedAt,
        String url) {

    public PostRecord {
        metadata = Map.copyOf(metadata);
    }

    public PostKey key() {
        return new PostKey(account, mediaSha256);
    }
}

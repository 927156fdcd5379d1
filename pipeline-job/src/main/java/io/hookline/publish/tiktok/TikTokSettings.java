package io.hookline.publish.tiktok;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the TikTok publisher talks to the Content Posting API.
 *
 * @param baseUrl       the API's root; the real one by default, an emulator's in tests
 * @param chunkBytes    the chunk size it prefers, within the platform's 5 to 64 MB
 * @param minChunkBytes the platform's smallest chunk, below which a video goes whole (5 MB; an emulator
 *                      may be told to take less, so tests can send several chunks of a small clip)
 * @param timeout       of one request
 * @param pollEvery     how long to wait between two status fetches (the API allows 30 a minute)
 */
public record TikTokSettings(URI baseUrl, long chunkBytes, long minChunkBytes, Duration timeout, Duration pollEvery) {
    public static final URI API = URI.create("https://open.tiktokapis.com");
    public static final long MB = 1024 * 1024;
    public static final long MAX_CHUNK = 64 * MB;

    public TikTokSettings {
        if (minChunkBytes <= 0 || chunkBytes < minChunkBytes || chunkBytes > MAX_CHUNK) {
            throw new IllegalArgumentException("TikTok chunks must be within " + minChunkBytes + " and " + MAX_CHUNK
                    + " bytes, got " + chunkBytes);
        }
    }

    /** The real API, 10 MB chunks, a status fetch every 5 s. */
    public static TikTokSettings defaults() {
        return new TikTokSettings(API, 10 * MB, 5 * MB, Duration.ofMinutes(5), Duration.ofSeconds(5));
    }

    public TikTokSettings withBaseUrl(URI url) {
        return new TikTokSettings(url, chunkBytes, minChunkBytes, timeout, pollEvery);
    }
}

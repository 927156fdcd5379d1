package io.hookline.publish.youtube;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the YouTube publisher talks to the Data API.
 *
 * @param baseUrl    the API's root; the real one by default, an emulator's in tests
 * @param chunkBytes bytes per upload request; the protocol wants a multiple of 256 KiB
 * @param timeout    of one request
 * @param pollEvery  how long to wait between two looks at a video's processing
 */
public record YouTubeSettings(URI baseUrl, int chunkBytes, Duration timeout, Duration pollEvery) {
    public static final URI API = URI.create("https://www.googleapis.com");
    public static final int GRANULE = 256 * 1024;

    public YouTubeSettings {
        if (chunkBytes <= 0 || chunkBytes % GRANULE != 0) {
            throw new IllegalArgumentException(
                    "YouTube upload chunks must be a multiple of " + GRANULE + " bytes, got " + chunkBytes);
        }
    }

    /** The real API, 8 MiB chunks. */
    public static YouTubeSettings defaults() {
        return new YouTubeSettings(API, 32 * GRANULE, Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    public YouTubeSettings withBaseUrl(URI url) {
        return new YouTubeSettings(url, chunkBytes, timeout, pollEvery);
    }
}

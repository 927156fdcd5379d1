package io.hookline.publish.instagram;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the Instagram publisher talks to the Graph API.
 *
 * @param graphUrl   the Graph API's root with its version; the real one by default, an emulator's in tests
 * @param mediaUrl   where the platform can fetch the clips (the output folder served over HTTPS, as
 *                   {@code mediaUrl/<matchId>/clips/...}): containers then take a {@code video_url}. Null: the
 *                   publisher uploads each file itself (resumable upload)
 * @param chunkBytes bytes per resumable-upload request
 * @param timeout    of one request
 * @param pollEvery  how long to wait between two looks at a container's status
 */
public record InstagramSettings(URI graphUrl, URI mediaUrl, int chunkBytes, Duration timeout, Duration pollEvery) {
    public static final URI GRAPH = URI.create("https://graph.facebook.com/v21.0");

    public InstagramSettings {
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive, got " + chunkBytes);
        }
    }

    /** The real Graph API, resumable uploads of 16 MiB a request, a look at the container every 10 s. */
    public static InstagramSettings defaults() {
        return new InstagramSettings(GRAPH, null, 16 << 20, Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    public InstagramSettings withGraphUrl(URI url) {
        return new InstagramSettings(url, mediaUrl, chunkBytes, timeout, pollEvery);
    }

    public InstagramSettings withMediaUrl(URI url) {
        return new InstagramSettings(graphUrl, url, chunkBytes, timeout, pollEvery);
    }
}

package io.hookline.profiles;

import java.io.Serializable;
import java.util.List;

/**
 * What one platform accepts, from the {@code platforms} of {@code destinations/*.yaml}: the facts of
 * PLATFORMS.md that a destination is checked against. A limit of 0 is no limit.
 *
 * @param file the YAML file it came from; empty for a platform no file describes
 * @param privacy the privacy levels the platform has
 * @param postsPer24h how many posts the platform takes in a rolling 24 hours, shared as quotaPer says
 * @param quotaPer what shares postsPer24h
 * @param sizeCapBytes the largest file an upload takes
 * @param selfHostedSizeCapBytes the same through a self-hosted API server (Telegram's local Bot API)
 * @param shortsMaxDurationMs the longest vertical or square video the platform shows as a short (YouTube)
 * @param branding false when the platform refuses video with a superimposed logo, brand name or watermark
 */
public record PlatformLimits(
        Platform platform,
        String file,
        List<Privacy> privacy,
        int postsPer24h,
        QuotaScope quotaPer,
        long sizeCapBytes,
        long selfHostedSizeCapBytes,
        long minDurationMs,
        long maxDurationMs,
        long shortsMaxDurationMs,
        boolean branding)
        implements Serializable {

    /** Who shares a platform's posting quota. */
    public enum QuotaScope {
        /** Every destination of the platform: the quota belongs to the API project (YouTube's videos.insert). */
        PROJECT,
        /** The destinations posting as one account (Instagram's content_publishing_limit). */
        ACCOUNT
    }

    public PlatformLimits {
        privacy = List.copyOf(privacy);
    }

    /** A platform no file describes: no limits, every privacy level. */
    static PlatformLimits none(Platform platform) {
        return new PlatformLimits(platform, "", List.of(Privacy.values()), 0, QuotaScope.ACCOUNT, 0, 0, 0, 0, 0, true);
    }
}

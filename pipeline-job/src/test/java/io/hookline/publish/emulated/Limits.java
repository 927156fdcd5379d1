package io.hookline.publish.emulated;

import io.hookline.profiles.PlatformLimits;

/** A platform's shipped limits with one changed, for refusal tests. */
public final class Limits {
    private Limits() {}

    public static PlatformLimits sizeCap(PlatformLimits l, long bytes) {
        return new PlatformLimits(
                l.platform(),
                l.file(),
                l.privacy(),
                l.postsPer24h(),
                l.quotaPer(),
                bytes,
                l.selfHostedSizeCapBytes(),
                l.minDurationMs(),
                l.maxDurationMs(),
                l.shortsMaxDurationMs(),
                l.branding());
    }

    public static PlatformLimits maxDuration(PlatformLimits l, long ms) {
        return new PlatformLimits(
                l.platform(),
                l.file(),
                l.privacy(),
                l.postsPer24h(),
                l.quotaPer(),
                l.sizeCapBytes(),
                l.selfHostedSizeCapBytes(),
                l.minDurationMs(),
                ms,
                l.shortsMaxDurationMs(),
                l.branding());
    }
}

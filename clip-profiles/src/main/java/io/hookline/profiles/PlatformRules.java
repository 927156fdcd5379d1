package io.hookline.profiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a platform takes a rendition: its size cap, its clip lengths, its frame for shorts, and whether it
 * takes a superimposed logo at all. The limits are the platform's facts from {@code destinations/*.yaml}; a
 * rendition that could break one fails validation, before anything is posted, rather than at upload time.
 */
final class PlatformRules {

    private PlatformRules() {}

    /**
     * What is wrong with posting rendition to the platform of limits, each as a message about the destination's
     * {@code rendition}; empty when nothing is.
     *
     * @param template the rendition's graphics template; null when it has problems of its own
     * @param localBotApi the destination uploads through a self-hosted server, which takes larger files
     * @param shorts the destination posts its videos as shorts
     */
    static List<String> check(
            PlatformLimits limits,
            RenditionProfile rendition,
            GraphicsTemplate template,
            boolean localBotApi,
            boolean shorts) {
        List<String> problems = new ArrayList<>();
        String platform = DestinationBinder.platform(limits);
        String named = "rendition '" + rendition.name() + "' (" + rendition.file() + ")";
        if (!limits.branding() && template != null) {
            List<String> brands = brands(template);
            if (!brands.isEmpty()) {
                problems.add(platform + " takes no video with a superimposed logo, brand name or watermark"
                        + DestinationBinder.source(limits, "branding") + ", but " + named + " draws graphics template '"
                        + template.name() + "' (" + template.file() + "), which shows " + String.join(" and ", brands)
                        + "; post a rendition whose template switches them off (enabled: false)");
            }
        }
        boolean selfHosted = localBotApi && limits.selfHostedSizeCapBytes() > 0;
        long cap = selfHosted ? limits.selfHostedSizeCapBytes() : limits.sizeCapBytes();
        if (cap > 0 && (!rendition.hasSizeCap() || rendition.sizeCapBytes() > cap)) {
            String hint = !selfHosted && limits.selfHostedSizeCapBytes() > 0
                    ? ", or set localBotApi: true if uploads go through a local Bot API server (up to "
                            + megabytes(limits.selfHostedSizeCapBytes()) + " MB)"
                    : "";
            problems.add(platform + " takes files up to " + megabytes(cap) + " MB"
                    + DestinationBinder.source(limits, selfHosted ? "selfHostedSizeCapMB" : "sizeCapMB") + ", but "
                    + named
                    + (rendition.hasSizeCap()
                            ? " has sizeCapMB " + megabytes(rendition.sizeCapBytes())
                            : " has no sizeCapMB")
                    + "; post a rendition whose sizeCapMB is at most " + megabytes(cap) + hint);
        }
        if (limits.maxDurationMs() > 0 && rendition.maxDurationMs() > limits.maxDurationMs()) {
            problems.add(platform + " takes videos up to " + seconds(limits.maxDurationMs()) + " s"
                    + DestinationBinder.source(limits, "maxSeconds") + ", but " + named + " makes clips up to "
                    + seconds(rendition.maxDurationMs()) + " s (duration.maxSeconds)");
        }
        if (rendition.minDurationMs() < limits.minDurationMs()) {
            problems.add(platform + " takes videos of at least " + seconds(limits.minDurationMs()) + " s"
                    + DestinationBinder.source(limits, "minSeconds") + ", but " + named + " makes clips from "
                    + seconds(rendition.minDurationMs()) + " s (duration.minSeconds)");
        }
        if (shorts) {
            VideoSpec video = rendition.video();
            if (video != null && video.height() < video.width()) {
                problems.add(
                        "a Short is vertical or square, but " + named + " is " + video.width() + "x" + video.height());
            }
            long max = limits.shortsMaxDurationMs();
            if (max > 0 && rendition.maxDurationMs() > max) {
                problems.add("a Short lasts at most " + seconds(max) + " s"
                        + DestinationBinder.source(limits, "shortsMaxSeconds") + ", but " + named
                        + " makes clips up to " + seconds(rendition.maxDurationMs()) + " s (duration.maxSeconds)");
            }
        }
        return problems;
    }

    /** What template shows of a brand: its branding image and the images of its cards. */
    static List<String> brands(GraphicsTemplate template) {
        List<String> brands = new ArrayList<>();
        if (template.branding() != null) {
            ImageFile image = template.branding().image();
            brands.add("branding" + (image == null ? "" : " (" + image.path() + ")"));
        }
        if (template.intro() != null && template.intro().image() != null) {
            brands.add("an intro card image (" + template.intro().image().path() + ")");
        }
        if (template.outro() != null && template.outro().image() != null) {
            brands.add("an outro card image (" + template.outro().image().path() + ")");
        }
        return brands;
    }

    private static String megabytes(long bytes) {
        return Range.format(bytes / 1_000_000.0);
    }

    private static String seconds(long millis) {
        return Range.format(millis / 1000.0);
    }
}

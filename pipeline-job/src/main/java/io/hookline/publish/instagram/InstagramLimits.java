package io.hookline.publish.instagram;

import io.hookline.publish.Mp4Facts;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import java.util.Locale;

/**
 * What the Graph API takes for a video: a Reel of 3 s to 15 min and at most 300 MB, a Story card of at most
 * 60 s; at most 1920 pixels wide; a caption of at most 2,200 characters.
 */
final class InstagramLimits {
    static final long MAX_BYTES = 300L * 1024 * 1024;
    static final long REELS_MIN_MS = 3_000;
    static final long REELS_MAX_MS = 900_000;
    static final long STORIES_MAX_MS = 60_000;
    static final int MAX_WIDTH = 1920;
    static final int CAPTION_MAX = 2200;

    private InstagramLimits() {}

    /** A destination whose rendition is a Stories one posts Stories; every other posts Reels. */
    static String mediaType(PublishItem item) {
        return item.key().rendition().toLowerCase(Locale.ROOT).contains("stories") ? "STORIES" : "REELS";
    }

    static void check(PublishItem item, Mp4Facts facts) throws PublishRefusedException {
        String clip = item.key() + ": ";
        if (item.bytes() > MAX_BYTES) {
            throw new PublishRefusedException(clip + item.bytes() + " bytes is over Instagram's 300 MB limit");
        }
        if (facts.width() > MAX_WIDTH) {
            throw new PublishRefusedException(clip + "Instagram takes at most " + MAX_WIDTH
                    + " pixels wide, the file is " + facts.width() + "x" + facts.height());
        }
        double seconds = facts.durationMs() / 1000.0;
        if (mediaType(item).equals("STORIES")) {
            if (facts.durationMs() > STORIES_MAX_MS) {
                throw new PublishRefusedException(
                        clip + "a story card lasts at most 60 s, the file lasts " + seconds + " s");
            }
        } else if (facts.durationMs() < REELS_MIN_MS || facts.durationMs() > REELS_MAX_MS) {
            throw new PublishRefusedException(clip + "a Reel lasts 3 s to 15 min, the file lasts " + seconds + " s");
        }
    }

    /** Instagram has no title: it is the caption's first line. */
    static String caption(PublishItem item) {
        String text = item.caption().isBlank() ? item.title() : item.title() + "\n" + item.caption();
        return text.codePointCount(0, text.length()) <= CAPTION_MAX
                ? text
                : text.substring(0, text.offsetByCodePoints(0, CAPTION_MAX - 1)) + "…";
    }
}

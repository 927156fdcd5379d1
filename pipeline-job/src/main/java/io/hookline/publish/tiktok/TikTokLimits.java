package io.hookline.publish.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.profiles.Privacy;
import io.hookline.publish.Mp4Facts;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import java.util.ArrayList;
import java.util.List;

/**
 * What TikTok takes: 3 s up to the creator's own maximum (creator_info, at most 10 min), at most 4 GB and
 * 64 MB chunks (the last up to 128 MB), a privacy level the creator offers, and a caption of at most
 * 2,200 characters.
 */
final class TikTokLimits {
    static final long MAX_BYTES = 4L << 30;
    static final long MIN_MS = 3_000;
    static final long MAX_LAST_CHUNK = 128 * TikTokSettings.MB;
    static final int CAPTION_MAX = 2200;

    private TikTokLimits() {}

    static void checkFile(PublishItem item, Mp4Facts facts) throws PublishRefusedException {
        String clip = item.key() + ": ";
        if (item.bytes() > MAX_BYTES) {
            throw new PublishRefusedException(clip + item.bytes() + " bytes is over TikTok's 4 GB limit");
        }
        if (facts.durationMs() < MIN_MS) {
            throw new PublishRefusedException(
                    clip + "TikTok takes videos of 3 s or more, the file lasts " + facts.durationMs() / 1000.0 + " s");
        }
    }

    /** The privacy level for the destination's privacy, if the creator offers it; the duration within theirs. */
    static String privacyLevel(PublishItem item, Mp4Facts facts, JsonNode creator) throws PublishRefusedException {
        long maxSeconds = creator.path("max_video_post_duration_sec").asLong(600);
        if (facts.durationMs() > maxSeconds * 1000) {
            throw new PublishRefusedException(item.key() + ": the creator may post at most " + maxSeconds
                    + " s, the file lasts " + facts.durationMs() / 1000.0 + " s");
        }
        Privacy privacy = item.destination().privacy();
        String level = switch (privacy) {
            case PUBLIC -> "PUBLIC_TO_EVERYONE";
            case PRIVATE -> "SELF_ONLY";
            case UNLISTED ->
                throw new PublishRefusedException("TikTok has no unlisted posts; make "
                        + item.destination().name() + " public or private");
        };
        List<String> offered = new ArrayList<>();
        creator.path("privacy_level_options").forEach(o -> offered.add(o.asText()));
        if (!offered.contains(level)) {
            throw new PublishRefusedException(
                    "the TikTok account of " + item.destination().name() + " offers " + offered + ", not " + level
                            + " (an unaudited app posts SELF_ONLY only: make the destination private)");
        }
        return level;
    }

    /** TikTok's title is the post's caption. */
    static String caption(PublishItem item) {
        String text = item.caption().isBlank() ? item.title() : item.title() + "\n" + item.caption();
        return text.length() <= CAPTION_MAX ? text : text.substring(0, CAPTION_MAX - 1) + "…";
    }
}

package io.hookline.publish.youtube;

import io.hookline.publish.Mp4Facts;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import java.nio.charset.StandardCharsets;

/** What YouTube takes: a file up to 256 GB and 12 h; a Short is vertical or square and at most 3 min. */
final class YouTubeLimits {
    static final long MAX_BYTES = 256L << 30;
    static final long MAX_DURATION_MS = 12 * 3_600_000L;
    static final long SHORTS_MAX_MS = 180_000;
    static final int TITLE_MAX = 100;
    static final int DESCRIPTION_MAX_BYTES = 5000;

    private YouTubeLimits() {}

    static void check(PublishItem item, Mp4Facts facts) throws PublishRefusedException {
        String clip = item.key() + ": ";
        if (item.bytes() > MAX_BYTES) {
            throw new PublishRefusedException(clip + item.bytes() + " bytes is over YouTube's 256 GB upload limit");
        }
        if (facts.durationMs() > MAX_DURATION_MS) {
            throw new PublishRefusedException(clip + facts.durationMs() / 1000 + " s is over YouTube's 12 h limit");
        }
        if (item.destination().shorts()) {
            if (facts.width() > facts.height()) {
                throw new PublishRefusedException(clip + "a Short must be vertical or square, the file is "
                        + facts.width() + "x" + facts.height());
            }
            if (facts.durationMs() > SHORTS_MAX_MS) {
                throw new PublishRefusedException(
                        clip + "a Short lasts at most 180 s, the file lasts " + facts.durationMs() / 1000.0 + " s");
            }
        }
    }

    /** YouTube refuses angle brackets in a title, and more than 100 characters. */
    static String title(PublishItem item) throws PublishRefusedException {
        String cleaned = item.title().replace("<", "").replace(">", "").strip();
        if (cleaned.isEmpty()) {
            throw new PublishRefusedException(item.key() + ": the title is empty; YouTube needs one");
        }
        return cleaned.codePointCount(0, cleaned.length()) <= TITLE_MAX
                ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, TITLE_MAX - 1)) + "…";
    }

    static String description(String caption) {
        String cleaned = caption.replace("<", "").replace(">", "");
        byte[] bytes = cleaned.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= DESCRIPTION_MAX_BYTES) {
            return cleaned;
        }
        // Cut on a character boundary under the byte limit.
        int end = cleaned.length();
        while (cleaned.substring(0, end).getBytes(StandardCharsets.UTF_8).length > DESCRIPTION_MAX_BYTES) {
            end = cleaned.offsetByCodePoints(end, -1);
        }
        return cleaned.substring(0, end);
    }
}

package io.hookline.sample;

import io.hookline.render.media.TsSegments;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** The text of a live EVENT media playlist (RFC 8216 section 4.3). */
final class PlaylistText {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private PlaylistText() {}

    /**
     * @param uri each segment's URI, by index
     * @param dateTime the wall time of each segment's first frame (EXT-X-PROGRAM-DATE-TIME), by index
     * @param ended whether to add EXT-X-ENDLIST: no segment will follow
     */
    static String event(
            List<TsSegments.Cut> cuts, IntFunction<String> uri, IntFunction<Instant> dateTime, boolean ended) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:EVENT\n");
        text.append("#EXT-X-TARGETDURATION:").append(targetSeconds(cuts)).append('\n');
        text.append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (int i = 0; i < cuts.size(); i++) {
            text.append("#EXT-X-PROGRAM-DATE-TIME:")
                    .append(DATE.format(dateTime.apply(i)))
                    .append('\n');
            text.append(
                    String.format(Locale.ROOT, "#EXTINF:%.6f,\n", cuts.get(i).durationUs() / 1e6));
            text.append(uri.apply(i)).append('\n');
        }
        if (ended) {
            text.append("#EXT-X-ENDLIST\n");
        }
        return text.toString();
    }

    /** The longest segment, rounded to whole seconds as the RFC rounds EXTINF against it. */
    private static long targetSeconds(List<TsSegments.Cut> cuts) {
        long longestUs =
                cuts.stream().mapToLong(TsSegments.Cut::durationUs).max().orElse(1_000_000);
        return Math.max(1, Math.round(longestUs / 1e6));
    }
}

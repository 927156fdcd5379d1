package io.hookline.ingest;

import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.FeedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The matches a feed file holds, each with the video its descriptor names (null when it names none). */
public final class FeedMatches {

    private FeedMatches() {}

    /** In the order the feed first mentions them; records that cannot be read are left to the job to report. */
    public static Map<String, String> videos(Path feed) throws IOException {
        Map<String, String> videos = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(feed);
                FeedReader reader = FeedReader.open(in, feed.toString())) {
            FeedRecord record;
            while ((record = reader.next()) != null) {
                if (record.getEvent() == null) {
                    continue;
                }
                String matchId = record.getEvent().getMatchId();
                String video = MatchDescriptor.is(record.getEvent())
                        ? record.getEvent().getAttributes().get(MatchDescriptor.VIDEO)
                        : null;
                if (video != null || !videos.containsKey(matchId)) {
                    videos.put(matchId, video);
                }
            }
        }
        return videos;
    }
}

package io.hookline.job;

import io.hookline.ingest.FeedMatches;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matches of a feed file that are all cut from the job's one {@code --video} because none names a video of
 * its own. One video seldom holds two matches, and nothing else would tell: so the run warns, and each clip of
 * those matches carries the warning in the manifest.
 *
 * @param matchIds the matches that share the video; two or more
 * @param warning one sentence naming them, the video and the fix
 */
record SharedVideo(Set<String> matchIds, String warning) implements Serializable {

    /** Null unless two or more matches of a local feed file take the job's video. */
    static SharedVideo of(String feed, VideoSource video) {
        if (feed == null || !video.given() || feed.contains("://") || !Files.isRegularFile(Path.of(feed))) {
            return null;
        }
        Map<String, String> videos;
        try {
            videos = FeedMatches.videos(Path.of(feed));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // A feed that cannot be read is the job's to report, record by record.
            return null;
        }
        List<String> sharing = videos.entrySet().stream()
                .filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey)
                .toList();
        if (sharing.size() < 2) {
            return null;
        }
        String names = sharing.size() <= 3
                ? String.join(", ", sharing)
                : String.join(", ", sharing.subList(0, 3)) + " and " + (sharing.size() - 3) + " more";
        return new SharedVideo(
                Set.copyOf(sharing),
                "matches " + names + " name no video of their own (video: in the"
                        + " descriptor), so all are cut from the one --video " + video.location()
                        + "; give each match's"
                        + " descriptor its video, or run each match with its own --video");
    }

    /** Whether a match's clips carry the warning: it is one of the matches, and names no video of its own. */
    boolean concerns(String matchId, String matchVideo) {
        return matchVideo == null && matchIds.contains(matchId);
    }
}

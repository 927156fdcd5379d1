package io.hookline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.demo.LandedClip;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * When one play clip passed each stage of a live run.
 *
 * @param coveredAt the playout published the segment holding the clip's window end
 * @param firstRenditionAt the first of its rendition files appeared in the match directory
 * @param allRenditionsAt the last of them appeared
 * @param topicAt a read-committed consumer received its record from the clips topic
 */
record LiveClipTiming(
        String matchId,
        String clipId,
        int rank,
        String title,
        long sourceEndMs,
        Instant coveredAt,
        Instant firstRenditionAt,
        Instant allRenditionsAt,
        Instant topicAt) {

    /**
     * The play clips of a match's final manifest, with the times the run saw them; a clip missing any time is
     * left out (and counted by the caller).
     */
    static List<LiveClipTiming> of(
            String matchId, Path matchDir, JsonNode manifest, List<LandedClip> landed, RenditionWatch files) {
        List<LiveClipTiming> timings = new ArrayList<>();
        for (JsonNode clip : manifest.get("clips")) {
            if (!"play".equals(clip.get("kind").asText())
                    || clip.path("withdrawn").asBoolean(false)) {
                continue;
            }
            String id = clip.get("clipId").asText();
            Instant first = null;
            Instant all = null;
            boolean complete = true;
            for (JsonNode r : clip.get("renditions")) {
                Instant seen = r.hasNonNull("path")
                        ? files.firstSeen(matchDir.resolve(r.get("path").asText()))
                        : null;
                if (seen == null) {
                    complete = false;
                    continue;
                }
                first = first == null || seen.isBefore(first) ? seen : first;
                all = all == null || seen.isAfter(all) ? seen : all;
            }
            LandedClip onTopic = landed.stream()
                    .filter(c -> c.clip().getClipId().equals(id))
                    .findFirst()
                    .orElse(null);
            if (complete && first != null && onTopic != null && onTopic.coveredAt() != null) {
                timings.add(new LiveClipTiming(
                        matchId,
                        id,
                        clip.get("rank").asInt(),
                        clip.get("title").asText(),
                        clip.get("sourceEndMs").asLong(),
                        onTopic.coveredAt(),
                        first,
                        all,
                        onTopic.committedAt()));
            }
        }
        return timings;
    }

    static final Function<LiveClipTiming, Instant> FIRST_RENDITION = LiveClipTiming::firstRenditionAt;
    static final Function<LiveClipTiming, Instant> ALL_RENDITIONS = LiveClipTiming::allRenditionsAt;
    static final Function<LiveClipTiming, Instant> TOPIC = LiveClipTiming::topicAt;

    /** Seconds from coverage to a stage. */
    double secondsTo(Function<LiveClipTiming, Instant> stage) {
        return Duration.between(coveredAt, stage.apply(this)).toMillis() / 1000.0;
    }
}

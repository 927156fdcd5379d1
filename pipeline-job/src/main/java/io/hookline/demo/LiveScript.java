package io.hookline.demo;

import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.sample.SampleMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a live demo match plays: a finished video and the events that happen in it. Each staggered copy of the
 * match gets its own id, and a descriptor that names its own playlist.
 *
 * @param durationMs where the video ends: the match ends there
 * @param descriptor the title and teams every copy shares
 * @param events in video-time order, of any match id (each copy sets its own)
 */
public record LiveScript(Path video, long durationMs, MatchDescriptor descriptor, List<MatchEvent> events) {
    /** The first copy's id; the next ones are {@code sample-match-2}, {@code sample-match-3}, ... */
    public static final String SAMPLE_ID = "sample-match";

    public LiveScript {
        events = events.stream()
                .sorted(Comparator.comparingLong(MatchEvent::getVideoTimeMs))
                .toList();
    }

    /** The sample match (see {@link SampleMatch}), as written to {@code sampleDir}. */
    public static LiveScript sample(Path sampleDir) {
        return sample(sampleDir, 1);
    }

    /** The sample match with the quiet time between its plays {@code spread} times as long, as written there. */
    public static LiveScript sample(Path sampleDir, double spread) {
        return new LiveScript(
                sampleDir.resolve(SampleMatch.VIDEO_FILE),
                SampleMatch.durationMs(spread),
                SampleMatch.descriptor(),
                SampleMatch.events(spread));
    }

    /** The ids of {@code count} copies: {@code base}, then {@code base-2}, {@code base-3}, ... */
    public static List<String> ids(String base, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(i == 1 ? base : base + "-" + i);
        }
        return ids;
    }

    /** The descriptor of copy {@code matchId}, whose video is {@code playlist}. */
    public MatchDescriptor descriptor(String matchId, Path playlist) {
        return new MatchDescriptor(
                matchId,
                descriptor.title(),
                descriptor.homeTeam(),
                descriptor.awayTeam(),
                playlist.toAbsolutePath().toString());
    }

    /** The events of copy {@code matchId}. */
    public List<MatchEvent> events(String matchId) {
        return events.stream()
                .map(e -> MatchEvent.newBuilder(e).setMatchId(matchId).build())
                .toList();
    }
}

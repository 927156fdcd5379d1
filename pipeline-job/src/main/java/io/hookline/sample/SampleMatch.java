package io.hookline.sample;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Generates the sample match into a directory: {@code match.mp4} (a {@link SyntheticVideo} with the crowd roaring at
 * every goal, save and big chance) and its event feed as {@code events.avro} and {@code events.jsonl}. The demo and
 * the tests use it; the same call always writes the same files.
 */
public final class SampleMatch {
    public static final String MATCH_ID = "sample-2026-derby";
    public static final long DURATION_MS = 190_000;
    public static final String VIDEO_FILE = "match.mp4";
    public static final String AVRO_FILE = "events.avro";
    public static final String JSON_FILE = "events.jsonl";

    private static final Set<String> ROARS = Set.of(EventType.GOAL.name(), EventType.SAVE.name());

    /** How the video is encoded; the match itself (events, duration) never changes. */
    public record VideoFormat(int width, int height, int fps, boolean audio) {
        public static final VideoFormat DEFAULT = new VideoFormat(1280, 720, 50, true);
    }

    /** What was written. */
    public record Written(
            String matchId, Path video, Path avroEvents, Path jsonEvents, int eventCount, long durationMs) {}

    private SampleMatch() {}

    /** Writes the sample match at 1280x720, 50 fps, with stereo sound. */
    public static Written write(Path directory) throws IOException {
        return write(directory, VideoFormat.DEFAULT);
    }

    /** Writes the sample match with its video in the given format. */
    public static Written write(Path directory, VideoFormat format) throws IOException {
        return write(directory, format, DURATION_MS);
    }

    /**
     * Writes the first {@code durationMs} of the sample match: the video stops there and the feed keeps the
     * events before it. The benchmark's quick run uses it.
     */
    public static Written write(Path directory, VideoFormat format, long durationMs) throws IOException {
        return write(directory, format, feed(events(), durationMs), durationMs);
    }

    /**
     * Writes the whole sample match with the quiet time between its plays {@code spread} times as long (see
     * {@link SamplePace}); 1 writes it as {@link #write(Path)} does.
     */
    public static Written writeSpread(Path directory, double spread) throws IOException {
        return write(directory, VideoFormat.DEFAULT, feed(events(spread), durationMs(spread)), durationMs(spread));
    }

    private static Written write(Path directory, VideoFormat format, List<MatchEvent> events, long durationMs)
            throws IOException {
        Files.createDirectories(directory);
        SyntheticVideo.Spec spec = new SyntheticVideo.Spec(
                format.width(), format.height(), format.fps(), durationMs, format.audio(), roarTimesMs(events));
        Path video = directory.resolve(VIDEO_FILE);
        Path avro = directory.resolve(AVRO_FILE);
        Path json = directory.resolve(JSON_FILE);
        replace(video, temp -> SyntheticVideo.write(spec, temp));
        replace(avro, temp -> EventFiles.writeAvro(events, MATCH_ID, temp));
        replace(json, temp -> EventFiles.writeJsonLines(events, temp));
        return new Written(MATCH_ID, video, avro, json, events.size() - 1, durationMs);
    }

    /**
     * Whether {@code directory} holds the first {@code durationMs} of the sample match as the generator writes it
     * now, so it need not be generated again.
     */
    public static boolean isWritten(Path directory, long durationMs) throws IOException {
        return isWritten(directory, feed(events(), durationMs));
    }

    /** Whether {@code directory} holds the whole sample match spread {@code spread} times, as now written. */
    public static boolean isWrittenSpread(Path directory, double spread) throws IOException {
        return isWritten(directory, feed(events(spread), durationMs(spread)));
    }

    private static boolean isWritten(Path directory, List<MatchEvent> feed) throws IOException {
        Path json = directory.resolve(JSON_FILE);
        if (!Files.isRegularFile(directory.resolve(VIDEO_FILE))
                || !Files.isRegularFile(json)
                || !Files.isRegularFile(directory.resolve(AVRO_FILE))) {
            return false;
        }
        List<String> expected = feed.stream().map(MatchEventJson::write).toList();
        return Files.readAllLines(json, StandardCharsets.UTF_8).equals(expected);
    }

    /** The sample match's events, in feed order. */
    public static List<MatchEvent> events() {
        return SampleEvents.of(MATCH_ID);
    }

    /** What a broadcast op would submit with the match: the graphics show the teams' names from it. */
    public static MatchDescriptor descriptor() {
        return new MatchDescriptor(
                MATCH_ID, "Riverside Rovers v Harbour Athletic", "Riverside Rovers", "Harbour Athletic");
    }

    /** The sample match's events with the quiet time between its plays {@code spread} times as long. */
    public static List<MatchEvent> events(double spread) {
        return SamplePace.spread(events(), spread);
    }

    /** How long the sample match lasts with the quiet time between its plays {@code spread} times as long. */
    public static long durationMs(double spread) {
        return SamplePace.durationMs(events(), DURATION_MS, spread);
    }

    /** The feed files' records: the descriptor's {@code MATCH_START}, then the events before {@code durationMs}. */
    public static List<MatchEvent> feed(long durationMs) {
        return feed(events(), durationMs);
    }

    private static List<MatchEvent> feed(List<MatchEvent> events, long durationMs) {
        List<MatchEvent> feed = new ArrayList<>();
        feed.add(descriptor().event());
        events.stream().filter(e -> e.getVideoTimeMs() < durationMs).forEach(feed::add);
        return feed;
    }

    /** The crowd roars at goals, saves and big chances. */
    static List<Long> roarTimesMs(List<MatchEvent> events) {
        return events.stream()
                .filter(e -> ROARS.contains(e.getType())
                        || "true".equals(e.getAttributes().get("bigChance")))
                .map(MatchEvent::getVideoTimeMs)
                .toList();
    }

    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    /** Writes next to the target and moves into place, so a crash never leaves a half-written file behind. */
    private static void replace(Path target, FileWriter writer) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".partial");
        try {
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

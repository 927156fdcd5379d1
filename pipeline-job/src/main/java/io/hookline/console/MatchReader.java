package io.hookline.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.console.MatchView.Clip;
import io.hookline.console.MatchView.DeadLetter;
import io.hookline.console.MatchView.Rendition;
import io.hookline.console.MatchView.Segment;
import io.hookline.console.MatchView.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a match folder's manifest.json and dead-letters.jsonl into a {@link MatchView}, and keeps it until one
 * of the two changes: the live pages look every second, and a manifest of hundreds of renditions is worth
 * parsing once.
 */
final class MatchReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputFolder output;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String stamp, MatchView view) {}

    MatchReader(OutputFolder output) {
        this.output = output;
    }

    Optional<MatchView> read(String matchId) throws IOException {
        Ids.require(matchId, "match id");
        Optional<String> manifestStamp = output.stamp(matchId, "manifest.json");
        String stamp = manifestStamp.orElse("") + " "
                + output.stamp(matchId, "dead-letters.jsonl").orElse("");
        Parsed known = parsed.get(matchId);
        if (manifestStamp.isPresent() && known != null && known.stamp().equals(stamp)) {
            return Optional.of(known.view());
        }
        Optional<MatchView> view = parse(matchId);
        if (manifestStamp.isPresent() && view.isPresent()) {
            parsed.put(matchId, new Parsed(stamp, view.get()));
        }
        return view;
    }

    private Optional<MatchView> parse(String matchId) throws IOException {
        Optional<byte[]> manifest = output.read(matchId, "manifest.json");
        List<DeadLetter> letters = deadLetters(matchId);
        if (manifest.isEmpty()) {
            if (!output.matchIds().contains(matchId)) {
                return Optional.empty();
            }
            return Optional.of(new MatchView(
                    matchId, null, State.RENDERING, null, null, output.storedRenditions(matchId), List.of(), letters));
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifest.get());
        } catch (IOException e) {
            // Written atomically by the job, so a bad one is a real problem worth naming.
            throw new IOException(
                    output.describe() + "/" + matchId + "/manifest.json: not valid JSON: " + e.getMessage(), e);
        }
        JsonNode summary = root.path("summary");
        State state = root.path("ranksFinal").asBoolean(true) ? State.DONE : State.LIVE;
        List<Clip> clips = new ArrayList<>();
        for (JsonNode c : root.path("clips")) {
            clips.add(clip(c));
        }
        return Optional.of(new MatchView(
                matchId,
                root.path("profileVersion").asText(null),
                state,
                summary.has("plannedClips") ? summary.get("plannedClips").asInt() : null,
                summary.has("plannedRenditions")
                        ? summary.get("plannedRenditions").asInt()
                        : null,
                0,
                clips,
                letters));
    }

    private static Clip clip(JsonNode c) {
        List<Segment> segments = new ArrayList<>();
        for (JsonNode s : c.path("segments")) {
            segments.add(new Segment(
                    s.path("role").asText(),
                    s.path("sourceStartMs").asLong(),
                    s.path("sourceEndMs").asLong(),
                    s.path("speed").asDouble(1)));
        }
        List<Rendition> renditions = new ArrayList<>();
        for (JsonNode r : c.path("renditions")) {
            renditions.add(new Rendition(
                    r.path("profile").asText(),
                    text(r, "path"),
                    r.path("width").asInt(),
                    r.path("height").asInt(),
                    r.path("fps").asDouble(),
                    r.path("durationMs").asLong(),
                    r.path("bytes").asLong(),
                    r.path("status").asText("ok"),
                    text(r, "error"),
                    text(r, "thumbnail")));
        }
        return new Clip(
                c.path("clipId").asText(),
                c.path("kind").asText(),
                c.path("rank").asInt(),
                c.path("score").asDouble(),
                c.path("title").asText(""),
                c.path("sourceStartMs").asLong(),
                c.path("sourceEndMs").asLong(),
                c.path("peakMs").asLong(),
                c.path("explanation").asText(""),
                c.path("withdrawn").asBoolean(false),
                segments,
                renditions,
                strings(c.path("notes")),
                strings(c.path("players")),
                strings(c.path("teams")));
    }

    private List<DeadLetter> deadLetters(String matchId) throws IOException {
        Optional<byte[]> file = output.read(matchId, "dead-letters.jsonl");
        List<DeadLetter> letters = new ArrayList<>();
        if (file.isEmpty()) {
            return letters;
        }
        for (String line : new String(file.get(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode d = JSON.readTree(line);
                letters.add(new DeadLetter(
                        d.path("origin").asText(""),
                        d.path("reason").asText(""),
                        d.path("raw").asText("")));
            }
        }
        return letters;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}

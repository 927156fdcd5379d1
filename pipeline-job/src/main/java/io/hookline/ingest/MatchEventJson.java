package io.hookline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.vocabulary.Suggestions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MatchEvent as one JSON object per line, with plain values (no Avro union wrappers), e.g.
 * {@code {"matchId":"m1","eventId":"e7","type":"GOAL","period":1,"videoTimeMs":75400,"players":["A. Name"]}}.
 * Reading is strict: an unknown field is more likely a typo than something to ignore.
 */
public final class MatchEventJson {
    // Trailing tokens fail: two events run together on a line must not read as the first one alone.
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of(
            "matchId",
            "eventId",
            "version",
            "type",
            "period",
            "gameClockMs",
            "videoTimeMs",
            "team",
            "players",
            "score",
            "location",
            "description",
            "attributes",
            "deleted",
            "wallClock");

    private MatchEventJson() {}

    /** Parses one line; the exception names the offending field. */
    public static MatchEvent parse(String line) throws FeedException {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new FeedException("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FeedException("expected a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new FeedException("unknown field '" + name + "'" + Suggestions.didYouMean(name, FIELDS));
            }
        }
        MatchEvent.Builder b = MatchEvent.newBuilder()
                .setMatchId(requiredText(root, "matchId"))
                .setEventId(requiredText(root, "eventId"))
                .setType(requiredText(root, "type"))
                .setPeriod(requiredInt(root, "period"));
        if (has(root, "version")) {
            b.setVersion(requiredInt(root, "version"));
        }
        b.setGameClockMs(optionalLong(root, "gameClockMs"));
        b.setVideoTimeMs(optionalLong(root, "videoTimeMs"));
        b.setWallClockMs(wallClock(root));
        b.setTeam(optionalText(root, "team"));
        b.setDescription(optionalText(root, "description"));
        b.setPlayers(players(root));
        b.setScore(score(root));
        b.setLocation(location(root));
        b.setAttributes(attributes(root));
        if (has(root, "deleted")) {
            JsonNode d = root.get("deleted");
            if (!d.isBoolean()) {
                throw new FeedException(wrongType("deleted", "true or false", d));
            }
            b.setDeleted(d.booleanValue());
        }
        return b.build();
    }

    /** Writes one event as a line (without the newline); null fields are left out. */
    public static String write(MatchEvent e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("matchId", e.getMatchId());
        o.put("eventId", e.getEventId());
        o.put("version", e.getVersion());
        o.put("type", e.getType());
        o.put("period", e.getPeriod());
        if (e.getGameClockMs() != null) {
            o.put("gameClockMs", e.getGameClockMs());
        }
        if (e.getVideoTimeMs() != null) {
            o.put("videoTimeMs", e.getVideoTimeMs());
        }
        if (e.getWallClockMs() != null) {
            o.put("wallClock", Instant.ofEpochMilli(e.getWallClockMs()).toString());
        }
        if (e.getTeam() != null) {
            o.put("team", e.getTeam());
        }
        ArrayNode players = o.putArray("players");
        e.getPlayers().forEach(players::add);
        if (e.getScore() != null) {
            o.putObject("score")
                    .put("home", e.getScore().getHome())
                    .put("away", e.getScore().getAway());
        }
        if (e.getLocation() != null) {
            o.putObject("location")
                    .put("x", e.getLocation().getX())
                    .put("y", e.getLocation().getY());
        }
        if (e.getDescription() != null) {
            o.put("description", e.getDescription());
        }
        ObjectNode attributes = o.putObject("attributes");
        e.getAttributes().forEach(attributes::put);
        if (e.getDeleted()) {
            o.put("deleted", true);
        }
        return o.toString();
    }

    private static boolean has(JsonNode root, String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    private static String requiredText(JsonNode root, String field) throws FeedException {
        if (!has(root, field)) {
            throw new FeedException("missing field '" + field + "'");
        }
        return text(root.get(field), field);
    }

    private static String optionalText(JsonNode root, String field) throws FeedException {
        return has(root, field) ? text(root.get(field), field) : null;
    }

    private static String text(JsonNode node, String field) throws FeedException {
        if (!node.isTextual()) {
            throw new FeedException(wrongType(field, "a string", node));
        }
        return node.textValue();
    }

    private static int requiredInt(JsonNode root, String field) throws FeedException {
        if (!has(root, field)) {
            throw new FeedException("missing field '" + field + "'");
        }
        JsonNode n = root.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new FeedException(wrongType(field, "an integer", n));
        }
        return n.intValue();
    }

    /** The wall-clock time, an ISO-8601 date and time with its zone ("2026-12-06T20:00:30.250Z"), in ms. */
    private static Long wallClock(JsonNode root) throws FeedException {
        String text = optionalText(root, "wallClock");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new FeedException("wallClock: '" + text + "' is not a date and time with its zone,"
                    + " such as 2026-12-06T20:00:30.250Z");
        }
    }

    private static Long optionalLong(JsonNode root, String field) throws FeedException {
        if (!has(root, field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new FeedException(wrongType(field, "a whole number of milliseconds", n));
        }
        return n.longValue();
    }

    private static double number(JsonNode parent, String field, String path) throws FeedException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new FeedException(n == null ? "missing field '" + path + "'" : wrongType(path, "a number", n));
        }
        return n.doubleValue();
    }

    private static List<String> players(JsonNode root) throws FeedException {
        List<String> players = new ArrayList<>();
        if (!has(root, "players")) {
            return players;
        }
        JsonNode n = root.get("players");
        if (!n.isArray()) {
            throw new FeedException(wrongType("players", "a list of names", n));
        }
        for (JsonNode p : n) {
            players.add(text(p, "players"));
        }
        return players;
    }

    private static Score score(JsonNode root) throws FeedException {
        if (!has(root, "score")) {
            return null;
        }
        JsonNode n = root.get("score");
        if (!n.isObject()) {
            throw new FeedException(wrongType("score", "an object {\"home\": n, \"away\": n}", n));
        }
        return new Score(scoreSide(n, "home"), scoreSide(n, "away"));
    }

    private static int scoreSide(JsonNode score, String side) throws FeedException {
        JsonNode n = score.get(side);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new FeedException(
                    n == null ? "missing field 'score." + side + "'" : wrongType("score." + side, "an integer", n));
        }
        return n.intValue();
    }

    private static Location location(JsonNode root) throws FeedException {
        if (!has(root, "location")) {
            return null;
        }
        JsonNode n = root.get("location");
        if (!n.isObject()) {
            throw new FeedException(wrongType("location", "an object {\"x\": n, \"y\": n}", n));
        }
        return new Location(number(n, "x", "location.x"), number(n, "y", "location.y"));
    }

    private static Map<String, String> attributes(JsonNode root) throws FeedException {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!has(root, "attributes")) {
            return attributes;
        }
        JsonNode n = root.get("attributes");
        if (!n.isObject()) {
            throw new FeedException(wrongType("attributes", "an object of strings", n));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new FeedException(wrongType("attributes." + e.getKey(), "a string or number", v));
            }
            attributes.put(e.getKey(), v.asText());
        }
        return attributes;
    }

    private static String wrongType(String field, String expected, JsonNode actual) {
        String shown = actual.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return "field '" + field + "': expected " + expected + ", got " + shown;
    }
}

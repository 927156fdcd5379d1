package io.hookline.ingest.importers;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.ingest.sync.ClockKind;
import io.hookline.ingest.sync.ClockText;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * StatsBomb open-data events JSON, with its lineup JSON when given (it supplies players' common names, e.g.
 * "Lionel Messi" for "Lionel Andrés Messi Cuccittini", and shirt numbers). Times are the {@code timestamp} since
 * the period started; locations are on a 120 x 80 pitch, in the acting team's direction of play. The match id
 * is in the file names ({@code statsbomb_15986_event.json}, {@code events/15986.json}).
 */
public final class StatsBombImporter implements FeedImporter {
    private static final String PROVIDER = "statsbomb";
    private static final String SPORT = "soccer";
    private static final double PITCH_LENGTH = 120;
    private static final double PITCH_WIDTH = 80;
    private static final Pattern MATCH_ID = Pattern.compile("(?<!\\d)(\\d{3,})(?!\\d)");
    private static final Set<String> SET_PIECES = Set.of("Corner", "Free Kick", "Throw-in");

    @Override
    public ImportResult read(List<Path> inputs, SyncFile sync) throws ImportException, IOException {
        List<JsonRecords.Element> events = null;
        List<JsonRecords.Element> lineups = null;
        String eventsName = null;
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            List<JsonRecords.Element> records = JsonRecords.read(input, null);
            JsonNode first = records.isEmpty() ? null : records.get(0).node();
            if (first != null && first.has("lineup")) {
                lineups = only(lineups, records, name, "lineup");
            } else if (first != null && first.has("type") && first.has("timestamp")) {
                events = only(events, records, name, "events");
                eventsName = name;
            } else {
                throw new ImportException(name + ":1", "neither StatsBomb events nor a StatsBomb lineup");
            }
            checkMatchId(name, sync);
        }
        if (events == null) {
            throw new ImportException("statsbomb", "no events file among the inputs (a lineup alone has no plays)");
        }
        EventCollector collector = new EventCollector(
                sync, ClockKind.RUNNING, "StatsBomb's timestamp is the time since the period started");
        Map<String, Player> players = lineups == null ? Map.of() : players(lineups);
        Sides sides = sides(events, lineups, eventsName, sync, collector.notes());
        if (lineups == null) {
            collector.note("no lineup file: players keep their full registered names");
        }
        new Reader(collector, sides, players, playersById(events)).read(events);
        return collector.result();
    }

    private static List<JsonRecords.Element> only(
            List<JsonRecords.Element> seen, List<JsonRecords.Element> records, String name, String what)
            throws ImportException {
        if (seen != null) {
            throw new ImportException(
                    name + ":1", "a second " + what + " file; give one events file and at most one lineup");
        }
        return records;
    }

    private static void checkMatchId(String name, SyncFile sync) throws ImportException {
        Matcher m = MATCH_ID.matcher(name);
        if (m.find() && !MatchIds.same(m.group(1), sync.matchId().value())) {
            throw new ImportException(
                    name + ":1",
                    "the file name says match " + m.group(1) + " but the sync file's matchId" + " is "
                            + sync.matchId().value() + " (" + sync.matchId().where()
                            + "): is this the right sync file?");
        }
    }

    /** A player as the lineup names them. */
    private record Player(String name, String jersey) {}

    private static Map<String, Player> players(List<JsonRecords.Element> lineups) {
        Map<String, Player> players = new HashMap<>();
        for (JsonRecords.Element team : lineups) {
            for (JsonNode p : team.node().path("lineup")) {
                String nickname = JsonRecords.text(p, "player_nickname");
                String name = nickname != null ? nickname : JsonRecords.text(p, "player_name");
                players.put(JsonRecords.text(p, "player_id"), new Player(name, JsonRecords.text(p, "jersey_number")));
            }
        }
        return players;
    }

    /** Event id to its acting player, so a shot can name the player of its key pass. */
    private static Map<String, JsonNode> playersById(List<JsonRecords.Element> events) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonRecords.Element e : events) {
            String id = JsonRecords.text(e.node(), "id");
            JsonNode player = e.node().get("player");
            if (id != null && player != null) {
                byId.put(id, player);
            }
        }
        return byId;
    }

    /**
     * The teams in order of appearance: the first is the first Starting XI's, which StatsBomb writes for the home
     * team first. The lineup must be for the same teams.
     */
    private static Sides sides(
            List<JsonRecords.Element> events,
            List<JsonRecords.Element> lineups,
            String name,
            SyncFile sync,
            List<String> notes)
            throws ImportException {
        List<String> teams = new ArrayList<>();
        for (JsonRecords.Element e : events) {
            String team = JsonRecords.text(e.node(), "team", "name");
            if (team != null && !teams.contains(team)) {
                teams.add(team);
            }
        }
        if (lineups != null) {
            for (JsonRecords.Element team : lineups) {
                String lineupTeam = JsonRecords.text(team.node(), "team_name");
                if (!teams.contains(lineupTeam)) {
                    throw new ImportException(
                            team.origin(),
                            "the lineup's team " + lineupTeam + " does not play in " + name + " ("
                                    + String.join(", ", teams) + ")");
                }
            }
        }
        return Sides.choose(teams, null, sync, name, notes);
    }

    /** Reads the events in order, keeping the running score. */
    private static final class Reader {
        private final EventCollector events;
        private final Sides sides;
        private final Map<String, Player> lineup;
        private final Map<String, JsonNode> playerOfEvent;
        private final RunningScore score = new RunningScore();
        private final Set<String> periodMarkers = new HashSet<>();

        Reader(EventCollector events, Sides sides, Map<String, Player> lineup, Map<String, JsonNode> playerOfEvent) {
            this.events = events;
            this.sides = sides;
            this.lineup = lineup;
            this.playerOfEvent = playerOfEvent;
        }

        void read(List<JsonRecords.Element> feed) throws ImportException {
            for (JsonRecords.Element e : feed) {
                events.row(e.origin());
                event(e.node());
            }
        }

        private void event(JsonNode e) throws ImportException {
            String type = JsonRecords.text(e, "type", "name");
            String id = JsonRecords.text(e, "id");
            String periodText = JsonRecords.text(e, "period");
            String timestamp = JsonRecords.text(e, "timestamp");
            if (type == null || id == null) {
                events.reject("no type or id", null);
                return;
            }
            if (periodText == null || !periodText.matches("[1-9]\\d{0,2}")) {
                events.reject("no period, or not a period number", periodText);
                return;
            }
            long clock;
            try {
                clock = ClockText.parseMs(timestamp);
            } catch (IllegalArgumentException ex) {
                events.reject("bad clock string in timestamp", "'" + timestamp + "'");
                return;
            }
            int period = Integer.parseInt(periodText);
            String side = sides.of(JsonRecords.text(e, "team", "name"));
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("provider", PROVIDER);
            attributes.put("sport", SPORT);
            attributes.put("providerType", type);
            EventType kind = kind(e, type, period, attributes);
            if (kind == null) {
                return;
            }
            Score after = switch (kind) {
                case GOAL -> score.goal(side, period);
                case OWN_GOAL -> score.ownGoal(side, period);
                default -> score.current();
            };
            List<String> players = new ArrayList<>();
            String player = name(e.get("player"));
            if (player != null) {
                players.add(player);
                Player known = lineup.get(JsonRecords.text(e, "player", "id"));
                if (known != null && known.jersey() != null) {
                    attributes.put("jersey", known.jersey());
                }
            }
            String on = name(e.path("substitution").get("replacement"));
            if (on != null) {
                players.add(on);
            }
            String keyPass = JsonRecords.text(e, "shot", "key_pass_id");
            String assist = keyPass == null ? null : name(playerOfEvent.get(keyPass));
            if (assist != null) {
                players.add(assist);
                attributes.put("assist", assist);
            }
            if (side != null) {
                attributes.put("teamName", sides.name(side));
            }
            MatchEvent.Builder event = MatchEvent.newBuilder()
                    .setEventId(id)
                    .setGameClockMs(SoccerClock.matchClockMs(period, clock))
                    .setTeam(side)
                    .setPlayers(players)
                    .setScore(after)
                    .setLocation(location(e.get("location")))
                    .setDescription(describe(type, attributes))
                    .setAttributes(attributes);
            events.add(event, kind, period, clock);
        }

        /** The event type, with the provider's details in the attributes; null when the row was dropped. */
        private EventType kind(JsonNode e, String type, int period, Map<String, String> attributes) {
            switch (type) {
                case "Half Start", "Half End" -> {
                    // StatsBomb writes each period marker once per team; the first one is the event.
                    if (!periodMarkers.add(type + " " + period)) {
                        events.skip("second " + type + " of a period (StatsBomb writes one per team)");
                        return null;
                    }
                    return type.equals("Half Start") ? EventType.PERIOD_START : EventType.PERIOD_END;
                }
                case "Shot" -> {
                    String outcome = JsonRecords.text(e, "shot", "outcome", "name");
                    putIfPresent(attributes, "outcome", outcome);
                    putIfPresent(attributes, "providerSubtype", JsonRecords.text(e, "shot", "type", "name"));
                    putIfPresent(attributes, "bodyPart", JsonRecords.text(e, "shot", "body_part", "name"));
                    putIfPresent(attributes, "xg", JsonRecords.text(e, "shot", "statsbomb_xg"));
                    return "Goal".equals(outcome) ? EventType.GOAL : EventType.SHOT;
                }
                case "Own Goal Against" -> {
                    return EventType.OWN_GOAL;
                }
                case "Own Goal For" -> {
                    events.skip("Own Goal For: the other half of an own goal, which its Own Goal Against carries");
                    return null;
                }
                case "Goal Keeper" -> {
                    String action = JsonRecords.text(e, "goalkeeper", "type", "name");
                    if (action == null || !action.contains("Save")) {
                        events.skip("Goal Keeper action '" + action + "' is not imported");
                        return null;
                    }
                    attributes.put("providerSubtype", action);
                    putIfPresent(attributes, "outcome", JsonRecords.text(e, "goalkeeper", "outcome", "name"));
                    return EventType.SAVE;
                }
                case "Pass" -> {
                    return pass(e, attributes);
                }
                case "Foul Committed", "Bad Behaviour" -> {
                    String section = type.equals("Foul Committed") ? "foul_committed" : "bad_behaviour";
                    String card = JsonRecords.text(e, section, "card", "name");
                    if (card != null) {
                        attributes.put("card", card);
                        return EventType.CARD;
                    }
                    if (type.equals("Bad Behaviour")) {
                        events.skip("Bad Behaviour without a card is not imported");
                        return null;
                    }
                    return EventType.FOUL;
                }
                case "Substitution" -> {
                    return EventType.SUBSTITUTION;
                }
                default -> {
                    events.skip("StatsBomb type '" + type + "' is not imported");
                    return null;
                }
            }
        }

        private EventType pass(JsonNode e, Map<String, String> attributes) {
            String passType = JsonRecords.text(e, "pass", "type", "name");
            putIfPresent(attributes, "providerSubtype", passType);
            if (e.path("pass").path("goal_assist").asBoolean(false)) {
                return EventType.ASSIST;
            }
            if (e.path("pass").path("shot_assist").asBoolean(false)) {
                return EventType.KEY_PASS;
            }
            if (passType != null && SET_PIECES.contains(passType)) {
                return EventType.SET_PIECE;
            }
            events.skip("Pass that is not an assist, a key pass or a set piece");
            return null;
        }

        /** A player's common name from the lineup, else the name the event gives. */
        private String name(JsonNode player) {
            if (player == null) {
                return null;
            }
            Player known = lineup.get(JsonRecords.text(player, "id"));
            return known != null && known.name() != null ? known.name() : JsonRecords.text(player, "name");
        }

        private static String describe(String type, Map<String, String> attributes) {
            String detail = attributes.containsKey("card")
                    ? attributes.get("card")
                    : attributes.getOrDefault("outcome", attributes.get("providerSubtype"));
            return detail == null ? type : type + ": " + detail;
        }

        private static void putIfPresent(Map<String, String> attributes, String key, String value) {
            if (value != null) {
                attributes.put(key, value);
            }
        }

        /** StatsBomb's 120 x 80 pitch scaled to 0..1; its edges are written as 120.0 and 80.0. */
        private static Location location(JsonNode xy) {
            if (xy == null
                    || !xy.isArray()
                    || xy.size() < 2
                    || !xy.get(0).isNumber()
                    || !xy.get(1).isNumber()) {
                return null;
            }
            return new Location(
                    clamp(xy.get(0).doubleValue() / PITCH_LENGTH),
                    clamp(xy.get(1).doubleValue() / PITCH_WIDTH));
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }
}

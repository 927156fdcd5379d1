package io.hookline.ingest.importers;

import io.hookline.ingest.sync.ClockKind;
import io.hookline.ingest.sync.ClockText;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * stats.nba.com play-by-play ({@code playbyplayv2} columns) as CSV. One row is one play; a missed shot with a
 * block and a turnover with a steal also give the defender's BLOCK or STEAL as a second event
 * ({@code <EVENTNUM>-block}, {@code <EVENTNUM>-steal}). Made shots become DUNK, THREE_POINTER, LAYUP or BASKET
 * from their description. {@code SCORE} ("visitor - home") is only on scoring rows; every event carries the
 * running score. {@code PCTIMESTRING} is the time remaining in the period.
 */
public final class NbaPlayByPlayImporter implements FeedImporter {
    private static final List<String> COLUMNS = List.of(
            "GAME_ID",
            "EVENTNUM",
            "EVENTMSGTYPE",
            "EVENTMSGACTIONTYPE",
            "PERIOD",
            "PCTIMESTRING",
            "HOMEDESCRIPTION",
            "NEUTRALDESCRIPTION",
            "VISITORDESCRIPTION",
            "SCORE",
            "PERSON1TYPE",
            "PLAYER1_NAME",
            "PLAYER1_TEAM_ABBREVIATION",
            "PERSON2TYPE",
            "PLAYER2_NAME",
            "PLAYER2_TEAM_ABBREVIATION",
            "PERSON3TYPE",
            "PLAYER3_NAME",
            "PLAYER3_TEAM_ABBREVIATION");
    /** The rest of playbyplayv2's columns. */
    private static final Set<String> UNUSED = Set.of(
            "WCTIMESTRING",
            "SCOREMARGIN",
            "PLAYER1_ID",
            "PLAYER1_TEAM_ID",
            "PLAYER1_TEAM_CITY",
            "PLAYER1_TEAM_NICKNAME",
            "PLAYER2_ID",
            "PLAYER2_TEAM_ID",
            "PLAYER2_TEAM_CITY",
            "PLAYER2_TEAM_NICKNAME",
            "PLAYER3_ID",
            "PLAYER3_TEAM_ID",
            "PLAYER3_TEAM_CITY",
            "PLAYER3_TEAM_NICKNAME");

    private static final String PROVIDER = "nba-pbp";
    private static final String SPORT = "basketball";
    private static final Pattern SCORE = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)");
    private static final Map<Integer, String> LEFT_OUT = Map.of(7, "violation", 11, "ejection", 18, "instant replay");

    // EVENTMSGTYPE values this importer turns into events.
    private static final int MADE = 1;
    private static final int MISSED = 2;
    private static final int FREE_THROW = 3;
    private static final int REBOUND = 4;
    private static final int TURNOVER = 5;
    private static final int FOUL = 6;
    private static final int SUBSTITUTION = 8;
    private static final int TIMEOUT = 9;
    private static final int JUMP_BALL = 10;
    private static final int PERIOD_START = 12;
    private static final int PERIOD_END = 13;

    @Override
    public ImportResult read(List<Path> inputs, SyncFile sync) throws ImportException, IOException {
        if (inputs.size() != 1) {
            throw new ImportException(
                    "nba-pbp", "expects one play-by-play CSV per game, got " + inputs.size() + " files");
        }
        CsvTable table = CsvTable.read(inputs.get(0), COLUMNS, UNUSED);
        EventCollector events =
                new EventCollector(sync, ClockKind.COUNTDOWN, "PCTIMESTRING is the time remaining in the period");
        checkGameIds(table, events);
        Sides sides = sides(table, sync, events.notes());
        Score score = new Score(0, 0);
        for (CsvTable.Row row : table.rows()) {
            events.row(table.origin(row));
            score = new RowReader(table, row, events, sides).read(score);
        }
        return events.result();
    }

    /** Every row must be of the sync file's match; the first that is not stops the import. */
    private static void checkGameIds(CsvTable table, EventCollector events) throws ImportException {
        for (CsvTable.Row row : table.rows()) {
            String gameId = table.get(row, "GAME_ID");
            if (!gameId.isEmpty() && !MatchIds.same(gameId, events.matchId())) {
                throw new ImportException(
                        table.origin(row),
                        "GAME_ID " + gameId + " is not the sync file's matchId " + events.matchId() + " ("
                                + events.matchIdWhere() + "): is this the right sync file?");
            }
        }
    }

    /** The home team is whoever plays as PERSON type 4 (a home player), the visitors as type 5. */
    private static Sides sides(CsvTable table, SyncFile sync, List<String> notes) throws ImportException {
        String home = null;
        List<String> teams = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            for (int p = 1; p <= 3; p++) {
                String team = table.get(row, "PLAYER" + p + "_TEAM_ABBREVIATION");
                String side = side(table.get(row, "PERSON" + p + "TYPE"));
                if (!team.isEmpty() && side != null) {
                    if (!teams.contains(team)) {
                        teams.add(team);
                    }
                    if (home == null && Sides.HOME.equals(side)) {
                        home = team;
                    }
                }
            }
        }
        return Sides.choose(teams, home, sync, table.name(), notes);
    }

    /** PERSONnTYPE: 2 home team, 3 visiting team, 4 home player, 5 visiting player (written as "4.0"). */
    private static String side(String personType) {
        return switch (personType.replaceFirst("\\.0+$", "")) {
            case "2", "4" -> Sides.HOME;
            case "3", "5" -> Sides.AWAY;
            default -> null;
        };
    }

    /** One row being read. */
    private record RowReader(CsvTable table, CsvTable.Row row, EventCollector events, Sides sides) {

        /** Adds the row's events (or drops it) and returns the running score after it. */
        Score read(Score before) throws ImportException {
            if (!table.complete(row)) {
                events.reject(
                        "the row's cells do not match the header's " + table.width() + " columns",
                        row.cells().size() + " cells");
                return before;
            }
            if (cell("GAME_ID").isEmpty()) {
                events.reject("GAME_ID is empty", null);
                return before;
            }
            Integer type = number("EVENTMSGTYPE");
            if (type == null) {
                events.reject("EVENTMSGTYPE is not a number", cell("EVENTMSGTYPE"));
                return before;
            }
            Score score = before;
            if (!cell("SCORE").isEmpty()) {
                Matcher m = SCORE.matcher(cell("SCORE"));
                if (!m.matches()) {
                    events.reject("SCORE is not 'visitor - home'", cell("SCORE"));
                    return before;
                }
                score = new Score(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            if (LEFT_OUT.containsKey(type)) {
                events.skip("EVENTMSGTYPE " + type + " (" + LEFT_OUT.get(type) + ") has no event type");
                return score;
            }
            Integer period = number("PERIOD");
            if (period == null || period < 1) {
                events.reject("PERIOD is not a period number", cell("PERIOD"));
                return before;
            }
            long clock;
            try {
                clock = ClockText.parseMs(cell("PCTIMESTRING"));
            } catch (IllegalArgumentException e) {
                events.reject("bad clock string in PCTIMESTRING", "'" + cell("PCTIMESTRING") + "'");
                return before;
            }
            if (cell("EVENTNUM").isEmpty()) {
                events.reject("EVENTNUM is empty", null);
                return before;
            }
            EventType kind = switch (type) {
                case MADE -> made(description(1));
                case MISSED -> EventType.SHOT;
                case FREE_THROW -> EventType.FREE_THROW;
                case REBOUND -> EventType.REBOUND;
                case TURNOVER -> EventType.TURNOVER;
                case FOUL -> EventType.FOUL;
                case SUBSTITUTION -> EventType.SUBSTITUTION;
                case TIMEOUT -> EventType.TIMEOUT;
                case JUMP_BALL -> EventType.JUMP_BALL;
                case PERIOD_START -> EventType.PERIOD_START;
                case PERIOD_END -> EventType.PERIOD_END;
                default -> null;
            };
            if (kind == null) {
                events.skip("EVENTMSGTYPE " + type + " is not a known play-by-play type");
                return score;
            }
            MatchEvent.Builder main = event(cell("EVENTNUM"), 1, kind, period, clock, score);
            describeOutcome(type, main.getAttributes());
            events.add(main.setPlayers(playersOf(type)), kind, period, clock);
            if (type == MISSED && blocked()) {
                events.add(
                        event(cell("EVENTNUM") + "-block", 3, EventType.BLOCK, period, clock, score)
                                .setPlayers(players(3, 1)),
                        EventType.BLOCK,
                        period,
                        clock);
            }
            if (type == TURNOVER && stolen()) {
                events.add(
                        event(cell("EVENTNUM") + "-steal", 2, EventType.STEAL, period, clock, score)
                                .setPlayers(players(2, 1)),
                        EventType.STEAL,
                        period,
                        clock);
            }
            return score;
        }

        /** An event of the row, told from the point of view of player {@code person}. */
        private MatchEvent.Builder event(String id, int person, EventType kind, int period, long clock, Score score) {
            String side = side(person);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("provider", PROVIDER);
            attributes.put("sport", SPORT);
            attributes.put("providerType", cell("EVENTMSGTYPE"));
            attributes.put("providerSubtype", cell("EVENTMSGACTIONTYPE"));
            if (side != null) {
                attributes.put("teamName", sides.name(side));
            }
            String description = description(person);
            return MatchEvent.newBuilder()
                    .setEventId(id)
                    .setGameClockMs(clock)
                    .setTeam(side)
                    .setScore(score)
                    .setDescription(description.isEmpty() ? null : description)
                    .setAttributes(attributes);
        }

        private void describeOutcome(int type, Map<String, String> attributes) {
            if (type == MADE) {
                attributes.put("outcome", "made");
                if (!cell("PLAYER2_NAME").isEmpty()) {
                    attributes.put("assist", cell("PLAYER2_NAME"));
                }
            } else if (type == MISSED) {
                attributes.put("outcome", blocked() ? "blocked" : "missed");
                attributes.put("attempt", made(description(1)).name());
            } else if (type == FREE_THROW) {
                attributes.put("outcome", description(1).startsWith("MISS") ? "missed" : "made");
            }
        }

        /** Player 1 acts; a made shot adds its assist, a foul the fouled player, a substitution who comes in. */
        private List<String> playersOf(int type) {
            return switch (type) {
                case MADE, FOUL, SUBSTITUTION -> players(1, 2);
                case JUMP_BALL -> players(1, 2, 3);
                default -> players(1);
            };
        }

        /** The kind of a made shot, from its description ("Drummond  Dunk (2 PTS)", "Curry 26' 3PT Jump Shot"). */
        private static EventType made(String description) {
            if (description.contains("Dunk")) {
                return EventType.DUNK;
            }
            if (description.contains("3PT")) {
                return EventType.THREE_POINTER;
            }
            return description.contains("Layup") ? EventType.LAYUP : EventType.BASKET;
        }

        private boolean blocked() {
            return !cell("PLAYER3_NAME").isEmpty() && description(3).contains("BLOCK");
        }

        private boolean stolen() {
            return !cell("PLAYER2_NAME").isEmpty() && description(2).contains("STEAL");
        }

        /** home or away for a row's player 1..3; falls back to the one description column that is filled. */
        private String side(int person) {
            String side = NbaPlayByPlayImporter.side(cell("PERSON" + person + "TYPE"));
            if (side != null) {
                return side;
            }
            boolean home = !cell("HOMEDESCRIPTION").isEmpty();
            boolean away = !cell("VISITORDESCRIPTION").isEmpty();
            return home == away ? null : home ? Sides.HOME : Sides.AWAY;
        }

        /** The description of the player's side, else the neutral one. */
        private String description(int person) {
            String side = side(person);
            String own = Sides.HOME.equals(side)
                    ? cell("HOMEDESCRIPTION")
                    : Sides.AWAY.equals(side) ? cell("VISITORDESCRIPTION") : "";
            return !own.isEmpty() ? own : cell("NEUTRALDESCRIPTION");
        }

        private List<String> players(int... persons) {
            List<String> names = new ArrayList<>();
            for (int p : persons) {
                String name = cell("PLAYER" + p + "_NAME");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }

        private Integer number(String column) {
            String text = cell(column).replaceFirst("\\.0+$", "");
            return text.matches("\\d{1,9}") ? Integer.parseInt(text) : null;
        }

        private String cell(String column) {
            return table.get(row, column);
        }
    }
}

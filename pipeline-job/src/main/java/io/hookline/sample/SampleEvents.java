package io.hookline.sample;

import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scripted event feed of the sample match: a condensed 3-2 derby in two periods, with lead changes, cards,
 * substitutions, a penalty and saves. The score after every event is derived from the goals, so it always adds up.
 *
 * <p>Locations are normalised so that the team on the ball attacks towards x = 1. Player names include an apostrophe
 * and non-ASCII letters on purpose: they must survive every file, caption and filter they pass through.
 */
final class SampleEvents {
    /** The sample match is football; the excitement model reads the clock and margins by sport. */
    private static final Map<String, String> SPORT = Map.of("sport", "soccer");

    private static final String HOME = "home";
    private static final String AWAY = "away";

    // Home: Riverside Rovers.
    private static final String MORTENSEN = "Sven Mortensen";
    private static final String OBRIEN = "Jack O'Brien";
    private static final String WISNIEWSKI = "Łukasz Wiśniewski";
    private static final String NUNEZ = "Mateo Núñez";
    private static final String ASANTE = "Kwame Asante";
    private static final String GRANT = "Oliver Grant";
    private static final String OKAFOR = "Daniel Okafor";
    private static final String JARVINEN = "Sami Järvinen";
    // Away: Harbour Athletic.
    private static final String ALVAREZ = "Pedro Álvarez";
    private static final String BIANCHI = "Luca Bianchi";
    private static final String CLARKE = "Ethan Clarke";
    private static final String DEMIR = "Yusuf Demir";
    private static final String LEFEVRE = "Hugo Lefèvre";
    private static final String MCALLISTER = "Ryan McAllister";
    private static final String LINDQVIST = "Noah Lindqvist";
    private static final String AKESSON = "Björn Åkesson";
    private static final String RICCI = "Marco Ricci";

    private final String matchId;
    private final List<MatchEvent> events = new ArrayList<>();
    private int homeGoals;
    private int awayGoals;

    private SampleEvents(String matchId) {
        this.matchId = matchId;
    }

    static List<MatchEvent> of(String matchId) {
        SampleEvents script = new SampleEvents(matchId);
        script.firstHalf();
        script.secondHalf();
        return List.copyOf(script.events);
    }

    private void firstHalf() {
        period(5.0, 1, "00:00", EventType.PERIOD_START, "Kick-off in the derby");
        add(11.4, 1, "03:12", EventType.FOUL, AWAY, 0.55, 0.30, "Demir clips O'Brien on the half-way line", DEMIR);
        add(
                12.6,
                1,
                "03:40",
                EventType.SET_PIECE,
                HOME,
                0.56,
                0.31,
                "Free kick to the Rovers",
                OBRIEN,
                "kind",
                "free_kick");
        add(19.8, 1, "07:25", EventType.KEY_PASS, HOME, 0.72, 0.62, "Núñez threads it through", NUNEZ);
        add(
                21.0,
                1,
                "07:31",
                EventType.SHOT,
                HOME,
                0.86,
                0.44,
                "Asante drives at goal from close range",
                ASANTE,
                "outcome",
                "saved",
                "bigChance",
                "true");
        add(21.6, 1, "07:32", EventType.SAVE, AWAY, 0.97, 0.50, "Álvarez at full stretch to keep it out", ALVAREZ);
        add(22.8, 1, "07:40", EventType.SET_PIECE, HOME, 1.0, 0.0, "Corner, Rovers", OBRIEN, "kind", "corner");
        add(31.5, 1, "12:34", EventType.KEY_PASS, HOME, 0.78, 0.20, "Wiśniewski finds space down the left", WISNIEWSKI);
        add(
                33.0,
                1,
                "12:41",
                EventType.GOAL,
                HOME,
                0.91,
                0.48,
                "Asante: \"top corner!\" 1-0 to the Rovers",
                ASANTE,
                "bodyPart",
                "right_foot");
        add(33.0, 1, "12:41", EventType.ASSIST, HOME, 0.80, 0.22, "Cut-back from Wiśniewski", WISNIEWSKI);
        add(42.2, 1, "17:45", EventType.FOUL, HOME, 0.35, 0.70, "Grant late on Bianchi", GRANT);
        add(42.9, 1, "17:50", EventType.CARD, HOME, 0.35, 0.70, "Yellow card for Grant", GRANT, "card", "yellow");
        add(50.4, 1, "21:30", EventType.SHOT, AWAY, 0.82, 0.60, "Bianchi curls it wide", BIANCHI, "outcome", "wide");
        add(58.7, 1, "25:50", EventType.KEY_PASS, AWAY, 0.70, 0.35, "Lefèvre switches play", LEFEVRE);
        add(
                60.1,
                1,
                "26:05",
                EventType.SHOT,
                AWAY,
                0.88,
                0.40,
                "McAllister smashes it off the bar",
                MCALLISTER,
                "outcome",
                "woodwork",
                "bigChance",
                "true");
        add(68.3, 1, "30:10", EventType.SET_PIECE, AWAY, 1.0, 1.0, "Corner, Athletic", LEFEVRE, "kind", "corner");
        add(
                69.5,
                1,
                "30:22",
                EventType.GOAL,
                AWAY,
                0.94,
                0.52,
                "Lindqvist heads in at the near post, 1-1",
                LINDQVIST,
                "bodyPart",
                "head");
        add(69.5, 1, "30:22", EventType.ASSIST, AWAY, 1.0, 1.0, "Whipped corner from Lefèvre", LEFEVRE);
        add(
                78.0,
                1,
                "35:40",
                EventType.SHOT,
                HOME,
                0.80,
                0.55,
                "Núñez's effort is blocked",
                NUNEZ,
                "outcome",
                "blocked");
        add(86.4, 1, "40:15", EventType.FOUL, AWAY, 0.74, 0.46, "Åkesson trips Núñez at the edge of the box", AKESSON);
        add(
                87.2,
                1,
                "40:30",
                EventType.SET_PIECE,
                HOME,
                0.75,
                0.46,
                "Free kick in a dangerous spot",
                OBRIEN,
                "kind",
                "free_kick");
        add(
                88.5,
                1,
                "40:41",
                EventType.SHOT,
                HOME,
                0.75,
                0.46,
                "O'Brien's free kick is heading in...",
                OBRIEN,
                "outcome",
                "saved",
                "bigChance",
                "true");
        add(89.1, 1, "40:42", EventType.SAVE, AWAY, 0.99, 0.40, "...and Álvarez tips it over", ALVAREZ);
        period(95.0, 1, "46:30", EventType.PERIOD_END, "Half-time: 1-1");
    }

    private void secondHalf() {
        period(100.0, 2, "45:00", EventType.PERIOD_START, "The second half is under way");
        add(
                100.0,
                2,
                "45:00",
                EventType.SUBSTITUTION,
                AWAY,
                -1,
                -1,
                "Ricci on for Demir",
                RICCI,
                "playerIn",
                RICCI,
                "playerOut",
                DEMIR);
        add(108.6, 2, "49:40", EventType.KEY_PASS, AWAY, 0.76, 0.30, "Bianchi slides it across", BIANCHI);
        add(
                110.0,
                2,
                "50:02",
                EventType.GOAL,
                AWAY,
                0.90,
                0.50,
                "Clarke taps in, Athletic lead 2-1",
                CLARKE,
                "bodyPart",
                "left_foot");
        add(110.0, 2, "50:02", EventType.ASSIST, AWAY, 0.84, 0.22, "Low cross from Bianchi", BIANCHI);
        add(
                118.5,
                2,
                "55:10",
                EventType.SUBSTITUTION,
                HOME,
                -1,
                -1,
                "Okafor on for Grant",
                OKAFOR,
                "playerIn",
                OKAFOR,
                "playerOut",
                GRANT);
        add(124.3, 2, "58:30", EventType.FOUL, AWAY, 0.40, 0.25, "Ricci pulls back Okafor", RICCI);
        add(125.0, 2, "58:45", EventType.CARD, AWAY, 0.40, 0.25, "Yellow card for Ricci", RICCI, "card", "yellow");
        add(
                130.2,
                2,
                "62:05",
                EventType.SHOT,
                HOME,
                0.89,
                0.58,
                "Okafor's first touch, a fierce shot",
                OKAFOR,
                "outcome",
                "saved",
                "bigChance",
                "true");
        add(130.8, 2, "62:06", EventType.SAVE, AWAY, 0.98, 0.55, "Álvarez parries it away", ALVAREZ);
        add(131.6, 2, "62:10", EventType.SET_PIECE, HOME, 1.0, 1.0, "Corner, Rovers", OBRIEN, "kind", "corner");
        add(139.4, 2, "66:50", EventType.KEY_PASS, HOME, 0.70, 0.50, "O'Brien's 100% perfect through ball", OBRIEN);
        add(
                140.6,
                2,
                "67:00",
                EventType.GOAL,
                HOME,
                0.88,
                0.47,
                "Okafor rounds the keeper: 2-2!",
                OKAFOR,
                "bodyPart",
                "left_foot");
        add(140.6, 2, "67:00", EventType.ASSIST, HOME, 0.70, 0.50, "O'Brien with the assist", OBRIEN);
        add(
                148.9,
                2,
                "72:00",
                EventType.SHOT,
                AWAY,
                0.87,
                0.42,
                "Clarke through on goal",
                CLARKE,
                "outcome",
                "saved",
                "bigChance",
                "true");
        add(149.5, 2, "72:01", EventType.SAVE, HOME, 0.98, 0.45, "Mortensen spreads himself to block", MORTENSEN);
        add(
                156.2,
                2,
                "76:30",
                EventType.SUBSTITUTION,
                HOME,
                -1,
                -1,
                "Järvinen on for Asante",
                JARVINEN,
                "playerIn",
                JARVINEN,
                "playerOut",
                ASANTE);
        add(162.0, 2, "80:10", EventType.FOUL, AWAY, 0.90, 0.52, "Åkesson brings down Järvinen in the box", AKESSON);
        add(163.1, 2, "80:40", EventType.CARD, AWAY, 0.90, 0.52, "Straight red for Åkesson", AKESSON, "card", "red");
        add(
                164.0,
                2,
                "81:05",
                EventType.SET_PIECE,
                HOME,
                0.89,
                0.50,
                "Penalty to the Rovers",
                WISNIEWSKI,
                "kind",
                "penalty");
        add(
                168.4,
                2,
                "82:00",
                EventType.GOAL,
                HOME,
                0.89,
                0.50,
                "Wiśniewski sends the keeper the wrong way, 3-2",
                WISNIEWSKI,
                "bodyPart",
                "right_foot",
                "situation",
                "penalty");
        add(
                174.7,
                2,
                "88:20",
                EventType.SHOT,
                AWAY,
                0.80,
                0.65,
                "Lindqvist drags it wide",
                LINDQVIST,
                "outcome",
                "wide");
        add(
                177.0,
                2,
                "90:45",
                EventType.SHOT,
                AWAY,
                0.86,
                0.50,
                "Lefèvre's last-gasp volley",
                LEFEVRE,
                "outcome",
                "saved",
                "bigChance",
                "true");
        add(177.5, 2, "90:46", EventType.SAVE, HOME, 0.99, 0.48, "Mortensen claws it off the line", MORTENSEN);
        period(182.0, 2, "93:10", EventType.PERIOD_END, "Full time: Rovers 3-2 Athletic");
    }

    private void period(double videoSeconds, int period, String clock, EventType type, String description) {
        events.add(base(videoSeconds, period, clock, type, description).build());
    }

    /** One event; {@code x < 0} means no location, trailing strings are attribute name/value pairs. */
    private void add(
            double videoSeconds,
            int period,
            String clock,
            EventType type,
            String team,
            double x,
            double y,
            String description,
            String player,
            String... attributes) {
        if (type == EventType.GOAL) {
            if (team.equals(HOME)) {
                homeGoals++;
            } else {
                awayGoals++;
            }
        }
        Map<String, String> facts = new TreeMap<>(SPORT);
        for (int i = 0; i < attributes.length; i += 2) {
            facts.put(attributes[i], attributes[i + 1]);
        }
        events.add(base(videoSeconds, period, clock, type, description)
                .setTeam(team)
                .setPlayers(List.of(player))
                .setLocation(x < 0 ? null : new Location(x, y))
                .setAttributes(facts)
                .build());
    }

    private MatchEvent.Builder base(double videoSeconds, int period, String clock, EventType type, String description) {
        return MatchEvent.newBuilder()
                .setMatchId(matchId)
                .setEventId(String.format("e%03d", events.size() + 1))
                .setVersion(1)
                .setType(type.name())
                .setPeriod(period)
                .setGameClockMs(clockMs(clock))
                .setVideoTimeMs(Math.round(videoSeconds * 1000))
                .setScore(new Score(homeGoals, awayGoals))
                .setDescription(description)
                .setAttributes(new TreeMap<>(SPORT));
    }

    private static long clockMs(String clock) {
        String[] parts = clock.split(":");
        return (Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 1000;
    }
}

package io.hookline.ingest.importers;

import io.hookline.ingest.sync.Located;
import io.hookline.ingest.sync.SyncFile;
import java.util.List;

/**
 * Which of the provider's teams is at home. Events carry {@code home} or {@code away} as their team (what
 * scores and titles need) and the provider's team name in the attributes.
 */
record Sides(String home, String away) {
    static final String HOME = "home";
    static final String AWAY = "away";

    /**
     * Decides the home team: the sync file's {@code homeTeam} when given, else what the feed says, else the first
     * team in the feed (the reason lands in {@code notes}).
     *
     * @param teams the feed's teams in order of appearance
     * @param feedHome the home team as the feed states it, or null when it does not
     * @param where the feed file, for errors
     */
    static Sides choose(List<String> teams, String feedHome, SyncFile sync, String where, List<String> notes)
            throws ImportException {
        Located<String> wanted = sync.homeTeam();
        String home;
        if (wanted != null) {
            if (!teams.contains(wanted.value())) {
                throw new ImportException(
                        wanted.where(),
                        "homeTeam '" + wanted.value() + "' is not a team of " + where + " (its teams: "
                                + String.join(", ", teams) + ")");
            }
            if (feedHome != null && !feedHome.equals(wanted.value())) {
                throw new ImportException(
                        wanted.where(),
                        "homeTeam '" + wanted.value() + "' contradicts " + where + ", which has " + feedHome
                                + " at home");
            }
            home = wanted.value();
        } else if (feedHome != null) {
            home = feedHome;
        } else if (teams.isEmpty()) {
            notes.add("no team is named in the feed: its events have no side");
            return new Sides(null, null);
        } else {
            home = teams.get(0);
            notes.add("home team taken to be " + home + ", the first team in the feed; set homeTeam in the sync file"
                    + " if that is wrong");
        }
        String away = teams.stream().filter(t -> !t.equals(home)).findFirst().orElse(null);
        notes.add("home " + home + ", away " + (away == null ? "(not in the feed)" : away));
        return new Sides(home, away);
    }

    /** {@code home}, {@code away}, or null for a name that is neither team. */
    String of(String team) {
        if (team == null) {
            return null;
        }
        return team.equals(home) ? HOME : team.equals(away) ? AWAY : null;
    }

    /** The provider's name of a side. */
    String name(String side) {
        return HOME.equals(side) ? home : AWAY.equals(side) ? away : null;
    }
}

package io.hookline.console;

import io.hookline.console.MatchView.Progress;
import io.hookline.console.Sessions.Session;
import java.util.List;

/** Every match in the output folder, with its state and progress; rows update over SSE while jobs run. */
final class MatchesPage {
    private MatchesPage() {}

    static String render(Session session, String folder, List<Progress> matches) {
        StringBuilder rows = new StringBuilder();
        for (Progress p : matches) {
            rows.append(row(p));
        }
        String table = matches.isEmpty()
                ? "<p class=\"empty\">No matches in " + Html.esc(folder) + " yet. Run one, or submit one.</p>"
                : "<table class=\"matches\"><thead><tr><th>Match</th><th>State</th><th>Clips</th><th>Renditions</th>"
                        + "<th>Failed</th><th>Dead letters</th><th>Profiles</th></tr></thead><tbody>" + rows
                        + "</tbody></table>";
        return Html.page(
                "Matches",
                "matches",
                session,
                "<p class=\"sub\">Output: " + Html.esc(folder)
                        + "</p><div id=\"matches\" data-live=\"/events/matches\">" + table + "</div>");
    }

    /** One row; the same markup the live updates fill in, cell by cell, by data-field. */
    static String row(Progress p) {
        return "<tr data-match=\"" + Html.esc(p.matchId()) + "\"><td data-label=\"Match\"><a href=\"/matches/"
                + Html.esc(p.matchId()) + "\">" + Html.esc(p.matchId()) + "</a></td>"
                + "<td data-label=\"State\"><span class=\"state\" data-field=\"state\">" + Html.esc(p.state())
                + "</span></td><td data-label=\"Clips\" data-field=\"clips\">" + clips(p) + "</td>"
                + "<td data-label=\"Renditions\" data-field=\"renditions\">" + renditions(p) + "</td>"
                + "<td data-label=\"Failed\" data-field=\"failed\">" + p.failed() + "</td>"
                + "<td data-label=\"Dead letters\" data-field=\"deadLetters\">" + p.deadLetters() + "</td>"
                + "<td data-label=\"Profiles\" data-field=\"profileVersion\">" + Html.esc(p.profileVersion())
                + "</td></tr>";
    }

    static String clips(Progress p) {
        return p.plannedClips() == null ? p.clips() + " rendered" : p.clips() + " of " + p.plannedClips() + " planned";
    }

    static String renditions(Progress p) {
        return p.plannedRenditions() == null
                ? p.renditions() + " done"
                : p.renditions() + " of " + p.plannedRenditions() + " done";
    }
}

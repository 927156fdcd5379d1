package io.hookline.console;

import io.hookline.console.Sessions.Session;
import java.time.Instant;
import java.util.List;

/** The submit form and what was submitted from this console since it started. */
final class SubmitPage {
    private SubmitPage() {}

    /** One submission; a run's state moves on while it renders. */
    static final class Entry {
        final Instant at;
        final String matchId;
        final String mode;
        private volatile String state;

        Entry(Instant at, String matchId, String mode, String state) {
            this.at = at;
            this.matchId = matchId;
            this.mode = mode;
            this.state = state;
        }

        void state(String value) {
            state = value;
        }

        String state() {
            return state;
        }
    }

    static String render(Session session, boolean kafka, String topic, List<Entry> entries) {
        StringBuilder body = new StringBuilder();
        if (session.user().may(Role.PUBLISHER)) {
            body.append("<form class=\"submit\" method=\"post\" action=\"/submit\" enctype=\"multipart/form-data\">")
                    .append(Html.csrf(session))
                    .append(
                            "<label>Event feed (JSON Lines or Avro) <input type=\"file\" name=\"feed\" required></label>")
                    .append("<label>Match descriptor (YAML: matchId, title, homeTeam, awayTeam, video) ")
                    .append("<input type=\"file\" name=\"descriptor\" required></label><fieldset><legend>Then</legend>")
                    .append(
                            kafka
                                    ? "<label><input type=\"radio\" name=\"mode\" value=\"kafka\" checked> publish to Kafka ("
                                            + Html.esc(topic) + ") for the live job</label>"
                                    : "")
                    .append("<label><input type=\"radio\" name=\"mode\" value=\"run\"")
                    .append(kafka ? "" : " checked")
                    .append(
                            "> run it as a finished match here</label></fieldset><button type=\"submit\">Submit</button></form>");
        } else {
            body.append("<p class=\"muted\">Submitting matches is for publishers.</p>");
        }
        body.append("<h2>Submitted</h2>");
        if (entries.isEmpty()) {
            body.append("<p class=\"empty\">Nothing submitted from this console yet.</p>");
        } else {
            body.append(
                    "<table class=\"submitted\"><thead><tr><th>When</th><th>Match</th><th>How</th><th>State</th></tr></thead><tbody>");
            for (Entry e : entries) {
                body.append("<tr><td data-label=\"When\">")
                        .append(e.at)
                        .append("</td><td data-label=\"Match\"><a href=\"/matches/")
                        .append(Html.esc(e.matchId))
                        .append("\">")
                        .append(Html.esc(e.matchId))
                        .append("</a></td><td data-label=\"How\">")
                        .append(Html.esc(e.mode))
                        .append("</td><td data-label=\"State\">")
                        .append(Html.esc(e.state()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return Html.page("Submit", "submit", session, body.toString());
    }
}

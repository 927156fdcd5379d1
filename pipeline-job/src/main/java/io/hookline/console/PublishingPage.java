package io.hookline.console;

import io.hookline.console.Sessions.Session;
import io.hookline.publish.ledger.PublishRecord;
import java.util.List;

/** The approval queue (approve, or reject with a reason) and each destination's posts and quota used. */
final class PublishingPage {
    private PublishingPage() {}

    /** A destination's line: its records by state, and its posts in the last 24 hours against its quota. */
    record DestinationLine(String name, String platform, String counts, int postsIn24h, int quota, boolean approval) {}

    static String render(
            Session session,
            String ledger,
            List<PublishRecord> waiting,
            List<DestinationLine> destinations,
            String notice) {
        StringBuilder body = new StringBuilder("<p class=\"sub\">Ledger: " + Html.esc(ledger) + "</p>");
        if (notice != null) {
            body.append("<p class=\"notice\" role=\"status\">")
                    .append(Html.esc(notice))
                    .append("</p>");
        }
        body.append("<h2>Waiting for approval <small>").append(waiting.size()).append("</small></h2>");
        if (waiting.isEmpty()) {
            body.append("<p class=\"empty\">Nothing waits for approval.</p>");
        } else {
            boolean may = session.user().may(Role.PUBLISHER);
            body.append("<table class=\"queue\"><thead><tr><th>Rank</th><th>Clip</th><th>Match</th><th>Destination</th>"
                    + "<th>Decision</th></tr></thead><tbody>");
            for (PublishRecord r : waiting) {
                body.append("<tr data-key=\"")
                        .append(Html.esc(r.key()))
                        .append("\"><td data-label=\"Rank\">#")
                        .append(r.rank())
                        .append("</td><td data-label=\"Clip\"><a href=\"/matches/")
                        .append(Html.esc(r.matchId()))
                        .append("#clip-")
                        .append(Html.esc(r.key().clipId()))
                        .append("\">")
                        .append(Html.esc(r.key().clipId()))
                        .append("</a> ")
                        .append(Html.esc(r.key().rendition()))
                        .append("</td><td data-label=\"Match\">")
                        .append(Html.esc(r.matchId()))
                        .append("</td><td data-label=\"Destination\">")
                        .append(Html.esc(r.key().destination()))
                        .append("</td><td data-label=\"Decision\">");
                if (may) {
                    String key = hidden("clip", r.key().clipId())
                            + hidden("rendition", r.key().rendition())
                            + hidden("destination", r.key().destination())
                            + hidden("version", Long.toString(r.version()))
                            + Html.csrf(session);
                    body.append("<form class=\"decide\" method=\"post\" action=\"/publishing/approve\">")
                            .append(key)
                            .append("<button type=\"submit\" class=\"approve\">Approve</button></form>")
                            .append("<form class=\"decide\" method=\"post\" action=\"/publishing/reject\">")
                            .append(key)
                            .append(
                                    "<input name=\"reason\" required placeholder=\"Reason\" aria-label=\"Reason to reject\">")
                            .append("<button type=\"submit\" class=\"reject\">Reject</button></form>");
                } else {
                    body.append("<span class=\"muted\">a publisher decides</span>");
                }
                body.append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append(
                "<h2>Destinations</h2><table class=\"destinations\"><thead><tr><th>Destination</th><th>Platform</th>"
                        + "<th>Posts (24 h) / quota</th><th>Records</th></tr></thead><tbody>");
        for (DestinationLine d : destinations) {
            body.append("<tr><td data-label=\"Destination\">")
                    .append(Html.esc(d.name()))
                    .append(d.approval() ? " <small>(approval)</small>" : "")
                    .append("</td><td data-label=\"Platform\">")
                    .append(Html.esc(d.platform()))
                    .append("</td><td data-label=\"Quota\">")
                    .append(d.postsIn24h())
                    .append(" / ")
                    .append(d.quota())
                    .append("</td><td data-label=\"Records\">")
                    .append(Html.esc(d.counts()))
                    .append("</td></tr>");
        }
        return Html.page(
                "Publishing",
                "publishing",
                session,
                body.append("</tbody></table>").toString());
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.esc(value) + "\">";
    }
}

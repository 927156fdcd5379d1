package io.hookline.console;

import io.hookline.console.GalleryFilter.Target;
import io.hookline.console.MatchView.Clip;
import io.hookline.console.MatchView.DeadLetter;
import io.hookline.console.MatchView.Rendition;
import io.hookline.console.Sessions.Session;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One match: its progress, the filters, the timeline, the ranked gallery (poster, rank, score and why, kind,
 * duration, title; each rendition's status and figures against its profile, and a button that plays it in
 * the page's player), and the dead letters.
 */
final class MatchPage {
    private MatchPage() {}

    static String render(
            Session session,
            MatchView match,
            GalleryFilter filter,
            Map<String, Target> destinations,
            ProfileSet profiles) {
        Target target = filter.destination() == null ? null : destinations.get(filter.destination());
        List<Clip> kept = match.clips().stream()
                .filter(c -> !c.withdrawn())
                .filter(c -> filter.keeps(c, target))
                .toList();
        StringBuilder body = new StringBuilder();
        MatchView.Progress p = match.progress();
        body.append("<p class=\"progress\" data-live=\"/events/matches/")
                .append(Html.esc(match.matchId()))
                .append("\" data-match=\"")
                .append(Html.esc(match.matchId()))
                .append("\">")
                .append("<span class=\"state\" data-field=\"state\">")
                .append(p.state())
                .append("</span> · clips <span data-field=\"clips\">")
                .append(MatchesPage.clips(p))
                .append("</span> · renditions <span data-field=\"renditions\">")
                .append(MatchesPage.renditions(p))
                .append("</span> · failed <span data-field=\"failed\">")
                .append(p.failed())
                .append("</span> · profiles <span data-field=\"profileVersion\">")
                .append(Html.esc(p.profileVersion()))
                .append("</span></p>");
        body.append(filters(match, filter, destinations));
        body.append(
                "<section class=\"player\" id=\"player-box\" hidden><video id=\"player\" controls playsinline preload=\"metadata\">"
                        + "</video><p id=\"player-label\"></p></section>");
        body.append("<h2>Timeline</h2>").append(Timeline.svg(match.clips()));
        body.append("<h2>Clips <small>")
                .append(kept.size())
                .append(" of ")
                .append(match.clips().size())
                .append("</small></h2><ol class=\"gallery\">");
        for (Clip c : kept) {
            body.append(card(match.matchId(), c, filter.shown(c, target), profiles));
        }
        body.append("</ol>");
        body.append(deadLetters(match.deadLetters()));
        return Html.page(match.matchId(), "matches", session, body.toString());
    }

    private static String filters(MatchView match, GalleryFilter filter, Map<String, Target> destinations) {
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> players = new TreeSet<>();
        TreeSet<String> teams = new TreeSet<>();
        for (Clip c : match.clips()) {
            kinds.add(c.kind());
            players.addAll(c.players());
            teams.addAll(c.teams());
        }
        return "<form class=\"filters\" method=\"get\">" + select("kind", "Kind", kinds, filter.kind())
                + select("player", "Player", players, filter.player()) + select("team", "Team", teams, filter.team())
                + select("destination", "Destination", new TreeSet<>(destinations.keySet()), filter.destination())
                + "<button type=\"submit\">Filter</button>"
                + (filter.any() ? "<a href=\"/matches/" + Html.esc(match.matchId()) + "\">Clear</a>" : "") + "</form>";
    }

    private static String select(String name, String label, TreeSet<String> values, String chosen) {
        StringBuilder s =
                new StringBuilder("<label>" + label + " <select name=\"" + name + "\"><option value=\"\">all</option>");
        for (String v : values) {
            s.append("<option")
                    .append(v.equals(chosen) ? " selected" : "")
                    .append('>')
                    .append(Html.esc(v))
                    .append("</option>");
        }
        return s.append("</select></label>").toString();
    }

    private static String card(String matchId, Clip c, List<Rendition> renditions, ProfileSet profiles) {
        String base = "/media/" + Html.esc(matchId) + "/" + Html.esc(c.clipId()) + "/";
        Rendition posterOf = renditions.stream()
                .filter(r -> r.thumbnail() != null)
                .findFirst()
                .orElse(null);
        long failed = renditions.stream().filter(r -> !r.ok()).count();
        StringBuilder card = new StringBuilder();
        card.append("<li class=\"clip\" id=\"clip-")
                .append(Html.esc(c.clipId()))
                .append("\" data-clip=\"")
                .append(Html.esc(c.clipId()))
                .append("\" data-rank=\"")
                .append(c.rank())
                .append("\">");
        card.append(
                posterOf == null
                        ? "<div class=\"poster none\">no poster</div>"
                        : "<img class=\"poster\" loading=\"lazy\" alt=\"\" src=\"" + base + Html.esc(posterOf.profile())
                                + "/poster\">");
        card.append("<div class=\"meta\"><span class=\"rank\">#")
                .append(c.rank())
                .append("</span><span class=\"kind\">")
                .append(Html.esc(c.kind()))
                .append("</span><span class=\"score\">score ")
                .append(String.format(Locale.ROOT, "%.2f", c.score()))
                .append("</span><span class=\"duration\">")
                .append(Html.seconds(c.durationMs()))
                .append("</span></div>");
        card.append("<h3 class=\"title\">").append(Html.esc(c.title())).append("</h3>");
        card.append("<p class=\"why\">").append(Html.esc(c.explanation())).append("</p>");
        card.append("<details><summary>")
                .append(renditions.size())
                .append(" renditions")
                .append(failed > 0 ? ", " + failed + " failed" : "")
                .append("</summary><table class=\"renditions\">");
        for (Rendition r : renditions) {
            card.append("<tr class=\"")
                    .append(r.ok() ? "ok" : "failed")
                    .append("\"><th>")
                    .append(Html.esc(r.profile()))
                    .append("</th><td>")
                    .append(r.ok() ? "ok" : "failed: " + Html.esc(r.error()))
                    .append("</td><td>")
                    .append(figures(r, profiles))
                    .append("</td><td>");
            if (r.ok()) {
                card.append("<a class=\"play\" href=\"")
                        .append(base)
                        .append(Html.esc(r.profile()))
                        .append("\" data-play=\"")
                        .append(base)
                        .append(Html.esc(r.profile()))
                        .append("\" data-label=\"#")
                        .append(c.rank())
                        .append(' ')
                        .append(Html.esc(r.profile()))
                        .append("\">Play</a>");
            }
            card.append("</td></tr>");
        }
        card.append("</table>");
        if (!c.notes().isEmpty()) {
            card.append("<ul class=\"notes\">");
            c.notes().forEach(n -> card.append("<li>").append(Html.esc(n)).append("</li>"));
            card.append("</ul>");
        }
        return card.append("</details></li>").toString();
    }

    /** The conformance figures: what was made, and in brackets what the profile asks where it differs. */
    static String figures(Rendition r, ProfileSet profiles) {
        if (!r.ok()) {
            return "";
        }
        RenditionProfile p = profiles == null
                ? null
                : profiles.renditions().stream()
                        .filter(x -> x.name().equals(r.profile()))
                        .findFirst()
                        .orElse(null);
        StringBuilder f = new StringBuilder();
        f.append(r.width()).append('×').append(r.height());
        if (p != null && (p.video().width() != r.width() || p.video().height() != r.height())) {
            f.append(" <em>(profile ")
                    .append(p.video().width())
                    .append('×')
                    .append(p.video().height())
                    .append(")</em>");
        }
        f.append(" · ")
                .append(String.format(Locale.ROOT, "%.2f", r.fps()))
                .append(" fps · ")
                .append(Html.seconds(r.durationMs()));
        if (p != null && p.maxDurationMs() > 0) {
            f.append(" <span class=\"limit\">(max ")
                    .append(Html.seconds(p.maxDurationMs()))
                    .append(")</span>");
        }
        f.append(" · ").append(Html.bytes(r.bytes()));
        if (p != null && p.hasSizeCap()) {
            f.append(" <span class=\"limit\">(cap ")
                    .append(Html.bytes(p.sizeCapBytes()))
                    .append(")</span>");
        }
        return f.toString();
    }

    private static String deadLetters(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return "<h2>Dead letters <small>0</small></h2><p class=\"empty\">None: every event was read.</p>";
        }
        StringBuilder s = new StringBuilder(
                "<h2>Dead letters <small>" + letters.size() + "</small></h2>"
                        + "<table class=\"dead-letters\"><thead><tr><th>Origin</th><th>Reason</th><th>Record</th></tr></thead><tbody>");
        for (DeadLetter d : letters) {
            String raw = d.raw().length() > 200 ? d.raw().substring(0, 200) + "…" : d.raw();
            s.append("<tr><td data-label=\"Origin\">")
                    .append(Html.esc(d.origin()))
                    .append("</td><td data-label=\"Reason\">")
                    .append(Html.esc(d.reason()))
                    .append("</td><td data-label=\"Record\"><code>")
                    .append(Html.esc(raw))
                    .append("</code></td></tr>");
        }
        return s.append("</tbody></table>").toString();
    }
}

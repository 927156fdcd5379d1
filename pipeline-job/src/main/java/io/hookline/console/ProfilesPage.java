package io.hookline.console;

import io.hookline.console.ProfileCatalog.Loaded;
import io.hookline.console.Sessions.Session;
import io.hookline.profiles.Explanation;
import io.hookline.profiles.Setting;
import io.hookline.storage.ProfileStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profile sets: each one's version or its problems (file:line:column), the preview stills on request, and
 * the effective settings of two sets side by side.
 */
final class ProfilesPage {
    private ProfilesPage() {}

    static String render(
            Session session,
            List<Loaded> sets,
            Optional<ProfileStatus> running,
            PreviewRunner.Status preview,
            int a,
            int b) {
        StringBuilder body = new StringBuilder();
        running.ifPresent(status -> body.append(running(status)));
        for (Loaded set : sets) {
            body.append("<section class=\"profile-set\" data-set=\"")
                    .append(set.index())
                    .append("\"><h2>")
                    .append(set.index() == 0 ? "In use: " : "Version to compare: ")
                    .append(Html.esc(set.name()))
                    .append("</h2>");
            if (set.valid()) {
                body.append("<p class=\"valid\">Valid · version <code class=\"version\">")
                        .append(Html.esc(set.version()))
                        .append("</code> · ")
                        .append(set.profiles().renditions().size())
                        .append(" renditions, ")
                        .append(set.set().destinations().size())
                        .append(" destinations</p>");
            } else {
                body.append("<p class=\"invalid\">")
                        .append(set.problems().size())
                        .append(set.problems().size() == 1 ? " problem" : " problems")
                        .append(":</p><ul class=\"problems\">");
                set.problems()
                        .forEach(p -> body.append("<li class=\"problem\"><code>")
                                .append(Html.esc(p))
                                .append("</code></li>"));
                body.append("</ul>");
            }
            body.append("</section>");
        }
        body.append(preview(session, preview));
        if (sets.size() > 1) {
            body.append(compare(sets, a, b));
        }
        return Html.page("Profiles", "profiles", session, body.toString());
    }

    /** The live job's side: the version its new clips use, and the last version it refused, with why. */
    private static String running(ProfileStatus status) {
        StringBuilder s = new StringBuilder("<section class=\"running-job\"><h2>The running job</h2><p>Reads <code>")
                .append(Html.esc(status.store()))
                .append("</code>");
        if (status.running() != null) {
            s.append(" · plans new clips with version <code class=\"running-version\">")
                    .append(Html.esc(status.running()))
                    .append("</code>");
        }
        s.append(" · as of ").append(Html.esc(status.at())).append("</p>");
        if (status.refused() != null) {
            s.append("<p class=\"refused\">The running job refused version <code class=\"refused-version\">")
                    .append(Html.esc(status.refused()))
                    .append("</code>: ")
                    .append(status.problems().size())
                    .append(status.problems().size() == 1 ? " problem" : " problems")
                    .append("; it keeps the version it has.</p><ul class=\"problems\">");
            status.problems()
                    .forEach(p -> s.append("<li class=\"problem\"><code>")
                            .append(Html.esc(p))
                            .append("</code></li>"));
            s.append("</ul>");
        }
        return s.append("</section>").toString();
    }

    private static String preview(Session session, PreviewRunner.Status status) {
        StringBuilder s = new StringBuilder(
                "<h2>Preview</h2><p>Renders the sample match's best play in every rendition"
                        + " of the set in use, as <code>./hookline profiles preview</code> does, and shows two stills of each.</p>");
        if (session.user().may(Role.EDITOR)) {
            s.append("<form method=\"post\" action=\"/profiles/preview\">")
                    .append(Html.csrf(session))
                    .append("<button type=\"submit\"")
                    .append(status.running() ? " disabled" : "")
                    .append(">Render the preview</button></form>");
        }
        s.append("<p class=\"preview-state\">")
                .append(Html.esc(status.describe()))
                .append("</p>");
        if (!status.stills().isEmpty()) {
            s.append("<div class=\"stills\">");
            for (String still : status.stills()) {
                s.append("<figure><img loading=\"lazy\" alt=\"\" src=\"/profiles/stills/")
                        .append(Html.esc(still))
                        .append("\"><figcaption>")
                        .append(Html.esc(still))
                        .append("</figcaption></figure>");
            }
            s.append("</div>");
        }
        return s.toString();
    }

    private static String compare(List<Loaded> sets, int a, int b) {
        StringBuilder s =
                new StringBuilder("<h2>Compare</h2><form class=\"filters\" method=\"get\" action=\"/profiles\">");
        s.append(choice("a", sets, a))
                .append(choice("b", sets, b))
                .append("<button type=\"submit\">Compare</button></form>");
        Loaded left = sets.get(a);
        Loaded right = sets.get(b);
        if (!left.valid() || !right.valid()) {
            return s.append("<p>Both sets must be valid to compare their settings.</p>")
                    .toString();
        }
        Map<String, String> l = flatten(left.explanations());
        Map<String, String> r = flatten(right.explanations());
        Set<String> keys = new LinkedHashSet<>(l.keySet());
        keys.addAll(r.keySet());
        s.append("<table class=\"compare\"><thead><tr><th>Setting</th><th>")
                .append(Html.esc(left.version()))
                .append("</th><th>")
                .append(Html.esc(right.version()))
                .append("</th></tr></thead><tbody>");
        for (String key : keys) {
            String x = l.get(key);
            String y = r.get(key);
            boolean changed = x == null ? y != null : !x.equals(y);
            s.append("<tr")
                    .append(changed ? " class=\"changed\"" : "")
                    .append("><th>")
                    .append(Html.esc(key))
                    .append("</th><td>")
                    .append(Html.esc(x))
                    .append("</td><td>")
                    .append(Html.esc(y))
                    .append("</td></tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    private static String choice(String name, List<Loaded> sets, int chosen) {
        StringBuilder s = new StringBuilder("<label>" + name.toUpperCase() + " <select name=\"" + name + "\">");
        for (Loaded set : sets) {
            s.append("<option value=\"")
                    .append(set.index())
                    .append('"')
                    .append(set.index() == chosen ? " selected" : "")
                    .append('>')
                    .append(Html.esc(set.name()))
                    .append(set.version() == null ? "" : " (" + Html.esc(set.version()) + ")")
                    .append("</option>");
        }
        return s.append("</select></label>").toString();
    }

    /** "rendition youtube-shorts · video.width" to its effective value (maps themselves have none). */
    static Map<String, String> flatten(List<Explanation> explanations) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Explanation e : explanations) {
            for (Setting setting : e.settings()) {
                if (!setting.isMap()) {
                    flat.put(
                            e.kind().name().toLowerCase() + " " + e.name() + " · " + setting.path(),
                            setting.value() == null ? "(not set)" : setting.value());
                }
            }
        }
        return flat;
    }
}

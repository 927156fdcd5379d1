package io.hookline.console;

import io.hookline.console.MatchView.Clip;
import io.hookline.console.MatchView.Segment;
import java.util.List;

/**
 * The match as a line of time (SVG): each play clip's source window on the upper lane with its peak marked,
 * each compilation's pieces on the lower lane, every mark a link to its clip in the gallery.
 */
final class Timeline {
    private static final int WIDTH = 1000;

    private Timeline() {}

    static String svg(List<Clip> clips) {
        long end = clips.stream().mapToLong(Clip::sourceEndMs).max().orElse(0);
        if (end <= 0) {
            return "";
        }
        StringBuilder svg = new StringBuilder("<svg class=\"timeline\" viewBox=\"0 0 " + WIDTH
                + " 64\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Where each clip comes from in the match\">"
                + "<rect class=\"track\" x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"64\"/>");
        for (Clip c : clips) {
            boolean play = "play".equals(c.kind());
            int y = play ? 6 : 36;
            svg.append("<a href=\"#clip-")
                    .append(Html.esc(c.clipId()))
                    .append("\" class=\"mark ")
                    .append(play ? "play" : "compilation")
                    .append("\"><title>#")
                    .append(c.rank())
                    .append(' ')
                    .append(Html.esc(c.title()))
                    .append(" (")
                    .append(Html.clock(c.sourceStartMs()))
                    .append('–')
                    .append(Html.clock(c.sourceEndMs()))
                    .append(")</title>");
            List<Segment> pieces = play || c.segments().isEmpty()
                    ? List.of(new Segment("play", c.sourceStartMs(), c.sourceEndMs(), 1))
                    : c.segments();
            for (Segment s : pieces) {
                svg.append("<rect x=\"")
                        .append(x(s.sourceStartMs(), end))
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(Math.max(1.5, x(s.sourceEndMs(), end) - x(s.sourceStartMs(), end)))
                        .append("\" height=\"22\"/>");
            }
            if (play) {
                svg.append("<line class=\"peak\" x1=\"")
                        .append(x(c.peakMs(), end))
                        .append("\" x2=\"")
                        .append(x(c.peakMs(), end))
                        .append("\" y1=\"2\" y2=\"32\"/>");
            }
            svg.append("</a>");
        }
        svg.append("</svg><div class=\"axis\"><span>0:00</span><span>")
                .append(Html.clock(end))
                .append("</span></div>");
        return svg.toString();
    }

    private static double x(long ms, long end) {
        return Math.round(ms * 10.0 * WIDTH / end) / 10.0;
    }
}

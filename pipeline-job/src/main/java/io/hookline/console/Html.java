package io.hookline.console;

import io.hookline.console.Sessions.Session;
import java.util.Locale;

/**
 * The pieces every page is made of: escaping (every value from a manifest, a feed or a profile goes through
 * {@link #esc}), the page frame with its navigation, and the hidden CSRF field of a form.
 */
final class Html {
    private Html() {}

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page: the frame, the navigation (the current section marked) and {@code body}. */
    static String page(String title, String section, Session session, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] item : new String[][] {
            {"matches", "/", "Matches"},
            {"publishing", "/publishing", "Publishing"},
            {"profiles", "/profiles", "Profiles"},
            {"submit", "/submit", "Submit"}
        }) {
            nav.append("<a href=\"")
                    .append(item[1])
                    .append('"')
                    .append(item[0].equals(section) ? " aria-current=\"page\"" : "")
                    .append('>')
                    .append(item[2])
                    .append("</a>");
        }
        String user = session == null || session.user() == null
                ? ""
                : "<form class=\"who\" method=\"post\" action=\"/logout\">" + csrf(session) + "<span>"
                        + esc(session.user().name()) + "</span>"
                        + (session.user() == Guard.LOCAL ? "" : "<button type=\"submit\">Log out</button>") + "</form>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (session == null ? "" : "<meta name=\"csrf\" content=\"" + esc(session.csrf()) + "\">")
                + "<title>" + esc(title) + " · Hookline</title><link rel=\"stylesheet\" href=\"/assets/console.css\">"
                + "<script src=\"/assets/console.js\" defer></script></head><body>"
                + "<header><a class=\"brand\" href=\"/\">Hookline</a><nav>" + nav + "</nav>" + user + "</header>"
                + "<main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    static String csrf(Session session) {
        return "<input type=\"hidden\" name=\"" + Guard.CSRF_FIELD + "\" value=\"" + esc(session.csrf()) + "\">";
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Match time as m:ss. */
    static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String bytes(long n) {
        if (n >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
    }
}

package io.hookline.render.graphics;

import io.hookline.model.ClipPlan;
import io.hookline.model.PlayLabel;
import io.hookline.model.Score;
import io.hookline.model.ScoreChange;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.Anchor;
import io.hookline.profiles.GraphicsTemplate;
import io.hookline.profiles.GraphicsTemplate.Card;
import io.hookline.profiles.GraphicsTemplate.TextStyle;
import io.hookline.profiles.Placeholder;
import io.hookline.profiles.SafeZone;
import io.hookline.render.media.Picture;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one rendition of a clip draws over its picture: the score bug with the score at each moment, the lower
 * third and caption of each play, the branding, and the intro and outro cards. Graphics over the match are
 * placed by source time, so a stretch looks the same in every clip that shows it and its encoded segment can
 * be reused; the lower third and caption show only while a play runs in its own order (not in hooks, teasers
 * or replays, which repeat a moment out of order).
 */
public final class RenditionGraphics {
    /** Draws nothing and adds no cards. */
    public static final RenditionGraphics NONE = new RenditionGraphics(List.of(), List.of(), null, 0, null, 0);

    private final List<Overlay> throughout;
    private final List<Overlay> duringPlays;
    private final Overlay intro;
    private final long introMs;
    private final Overlay outro;
    private final long outroMs;

    private RenditionGraphics(
            List<Overlay> throughout,
            List<Overlay> duringPlays,
            Overlay intro,
            long introMs,
            Overlay outro,
            long outroMs) {
        this.throughout = throughout;
        this.duringPlays = duringPlays;
        this.intro = intro;
        this.introMs = introMs;
        this.outro = outro;
        this.outroMs = outroMs;
    }

    /**
     * The graphics of a template for a frame of {@code width} x {@code height}.
     *
     * @param shown the stretches of source time the rendition shows, {@code [startUs, endUs)}: only the score
     *     bugs these need are drawn
     */
    public static RenditionGraphics of(
            ClipPlan plan, GraphicsTemplate template, SafeZone zone, int width, int height, List<long[]> shown) {
        GraphicPainter painter = new GraphicPainter(FontBook.installed());
        SafeZone.Area area = zone.area(width, height);
        Predicate<long[]> needed = interval -> shown.stream().anyMatch(s -> interval[0] < s[1] && interval[1] > s[0]);
        List<Overlay> throughout = new ArrayList<>();
        BufferedImage brand = null;
        if (template.branding() != null) {
            GraphicsTemplate.Branding b = template.branding();
            brand = painter.image(b.image(), pixels(b.height(), height), b.opacity());
            throughout.add(place(brand, b.anchor(), area, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
        }
        if (template.scoreBug() != null) {
            GraphicsTemplate.ScoreBug bug = template.scoreBug();
            int bugHeight = pixels(bug.height(), height);
            int room = roomBeside(bug.anchor(), template.branding(), brand, area, bugHeight);
            List<ScoreChange> board = plan.getScoreboard();
            for (int i = 0; i < board.size(); i++) {
                long from = i == 0 ? Long.MIN_VALUE / 2 : board.get(i).getSourceMs() * 1000;
                long to = i + 1 < board.size() ? board.get(i + 1).getSourceMs() * 1000 : Long.MAX_VALUE / 2;
                if (needed.test(new long[] {from, to})) {
                    String line = scoreLine(plan, board.get(i).getScore(), painter, bug.style(), bugHeight, room);
                    throughout.add(
                            place(painter.textBox(line, bug.style(), bugHeight, room), bug.anchor(), area, from, to));
                }
            }
        }
        List<Overlay> duringPlays = new ArrayList<>();
        for (PlayLabel label : plan.getLabels()) {
            long from = label.getFromMs() * 1000;
            long to = label.getToMs() * 1000;
            Map<Placeholder, String> values = values(plan, label, label.getScore());
            if (template.lowerThird() != null) {
                GraphicsTemplate.LowerThird l = template.lowerThird();
                long end = Math.min(to, from + l.durationMs() * 1000);
                String text = tidy(l.text().fill(values), values);
                if (!text.isEmpty() && needed.test(new long[] {from, end})) {
                    duringPlays.add(place(
                            painter.textBox(text, l.style(), pixels(l.height(), height), area.width() - 2),
                            l.anchor(),
                            area,
                            from,
                            end));
                }
            }
            GraphicsTemplate.Caption c = template.caption();
            if (c != null
                    && label.getDescription() != null
                    && !label.getDescription().isBlank()
                    && needed.test(new long[] {from, to})) {
                duringPlays.add(place(
                        painter.textBox(
                                label.getDescription(), c.style(), pixels(c.height(), height), area.width() - 2),
                        c.anchor(),
                        area,
                        from,
                        to));
            }
        }
        Score last = scoreAt(plan, shown.stream().mapToLong(s -> s[1]).max().orElse(0) - 1);
        Score first = scoreAt(plan, shown.stream().mapToLong(s -> s[0]).min().orElse(0));
        PlayLabel top = plan.getLabels().isEmpty() ? null : plan.getLabels().get(0);
        Overlay intro = card(painter, template.intro(), values(plan, top, first), width, height);
        Overlay outro = card(painter, template.outro(), values(plan, top, last), width, height);
        return new RenditionGraphics(
                List.copyOf(throughout),
                List.copyOf(duringPlays),
                intro,
                intro == null ? 0 : template.intro().durationMs(),
                outro,
                outro == null ? 0 : template.outro().durationMs());
    }

    /**
     * Draws what shows on a frame of a segment of this role that shows source moment {@code sourceUs}, and
     * returns what it drew over: the same picture can then go to another segment with other graphics without
     * a copy of the whole frame.
     */
    public Covered drawOn(Picture frame, SegmentRole role, long sourceUs) {
        Covered covered = new Covered(frame);
        for (Overlay o : throughout) {
            if (o.showsAt(sourceUs)) {
                covered.draw(o);
            }
        }
        if (role == SegmentRole.body) {
            for (Overlay o : duringPlays) {
                if (o.showsAt(sourceUs)) {
                    covered.draw(o);
                }
            }
        }
        return covered;
    }

    /** The pixels graphics were drawn over on one frame, to put back once the frame is encoded. */
    public static final class Covered {
        private final Picture frame;
        private final List<Overlay> drawn = new ArrayList<>();
        private final List<byte[][]> under = new ArrayList<>();

        private Covered(Picture frame) {
            this.frame = frame;
        }

        private void draw(Overlay o) {
            under.add(o.under(frame));
            drawn.add(o);
            o.drawOn(frame);
        }

        /** Puts the picture back as it was before the graphics, the last drawn first, since graphics may overlap. */
        public void restore() {
            for (int i = drawn.size() - 1; i >= 0; i--) {
                drawn.get(i).restore(frame, under.get(i));
            }
        }
    }

    /** Identifies every graphic a segment of this role over {@code [startUs, endUs)} shows: part of its cache key. */
    public String signature(SegmentRole role, long startUs, long endUs) {
        StringBuilder s = new StringBuilder();
        for (Overlay o : throughout) {
            if (o.overlaps(startUs, endUs)) {
                s.append(o.signature()).append(';');
            }
        }
        if (role == SegmentRole.body) {
            for (Overlay o : duringPlays) {
                if (o.overlaps(startUs, endUs)) {
                    s.append(o.signature()).append(';');
                }
            }
        }
        return s.toString();
    }

    /** Whether anything is drawn over the match's picture (cards aside). */
    public boolean drawsOverPicture() {
        return !throughout.isEmpty() || !duringPlays.isEmpty();
    }

    public long introMs() {
        return introMs;
    }

    public long outroMs() {
        return outroMs;
    }

    /** The intro card as a full frame, or null without one. */
    public Overlay intro() {
        return intro;
    }

    /** The outro card as a full frame, or null without one. */
    public Overlay outro() {
        return outro;
    }

    /** Every graphic over the picture with its place and its stretch of source time, for tools that redraw them. */
    public List<Placed> placed() {
        List<Placed> all = new ArrayList<>();
        throughout.forEach(o -> all.add(new Placed(o, false)));
        duringPlays.forEach(o -> all.add(new Placed(o, true)));
        return all;
    }

    /** @param playsOnly shown only on body segments */
    public record Placed(Overlay overlay, boolean playsOnly) {}

    private static Overlay card(
            GraphicPainter painter, Card card, Map<Placeholder, String> values, int width, int height) {
        if (card == null || card.durationMs() <= 0) {
            return null;
        }
        String text = tidy(card.text().fill(values), values);
        return new Overlay(painter.card(card, text, width, height), 0, 0, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    }

    private static Overlay place(BufferedImage image, Anchor anchor, SafeZone.Area area, long fromUs, long toUs) {
        int x = area.x() + (int) Math.round(anchor.x() * Math.max(0, area.width() - image.getWidth()));
        int y = area.y() + (int) Math.round(anchor.y() * Math.max(0, area.height() - image.getHeight()));
        // Overlays sit on even pixels (for the chroma); rounding towards the free side keeps them in the area.
        return new Overlay(image, anchor.x() > 0.5 ? x : x + 1, anchor.y() > 0.5 ? y : y + 1, fromUs, toUs);
    }

    private static int pixels(double share, int frameHeight) {
        return Math.max(8, (int) Math.round(share * frameHeight) & ~1);
    }

    /**
     * How wide the score bug may be: the safe area's width, less the branding and a gap when the two share a
     * band of the frame (both at the top, say), so they never cover each other.
     */
    private static int roomBeside(
            Anchor bug, GraphicsTemplate.Branding branding, BufferedImage brand, SafeZone.Area area, int bugHeight) {
        int room = area.width() - 2;
        if (branding == null || Math.abs(branding.anchor().y() - bug.y()) > 0.01) {
            return room;
        }
        int gap = bugHeight / 2;
        boolean oppositeSides = Math.abs(branding.anchor().x() - bug.x()) > 0.99;
        return oppositeSides ? room - brand.getWidth() - gap : (room - brand.getWidth()) / 2 - gap;
    }

    /**
     * The score with the teams' names when they fit in {@code room}, else with their codes (RIV 1 - 0 HAR), else
     * bare: shorter text rather than letters too small to read.
     */
    private static String scoreLine(
            ClipPlan plan, Score score, GraphicPainter painter, TextStyle style, int height, int room) {
        String bare = score.getHome() + " - " + score.getAway();
        if (plan.getHomeTeam() == null || plan.getAwayTeam() == null) {
            return bare;
        }
        String named = plan.getHomeTeam() + "  " + bare + "  " + plan.getAwayTeam();
        if (painter.naturalWidth(named, style, height) <= room) {
            return named;
        }
        List<String> codes = TeamCodes.of(plan.getHomeTeam(), plan.getAwayTeam());
        String coded = codes.get(0) + "  " + bare + "  " + codes.get(1);
        return painter.naturalWidth(coded, style, height) <= room ? coded : bare;
    }

    private static Score scoreAt(ClipPlan plan, long sourceUs) {
        Score score = new Score(0, 0);
        for (ScoreChange c : plan.getScoreboard()) {
            if (c.getSourceMs() * 1000 <= sourceUs) {
                score = c.getScore();
            }
        }
        return score;
    }

    private static Map<Placeholder, String> values(ClipPlan plan, PlayLabel label, Score score) {
        Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
        if (score != null) {
            v.put(Placeholder.SCORE, score.getHome() + "-" + score.getAway());
        }
        put(v, Placeholder.HOME, plan.getHomeTeam());
        put(v, Placeholder.AWAY, plan.getAwayTeam());
        if (label != null) {
            String action = words(label.getAction());
            v.put(Placeholder.ACTION, action);
            v.put(Placeholder.ACTION_CAPITALS, action.toUpperCase(Locale.ROOT));
            put(v, Placeholder.PLAYER, label.getPlayer());
            put(v, Placeholder.TEAM, label.getTeam());
            v.put(Placeholder.PERIOD, Integer.toString(label.getPeriod()));
            if (label.getGameClockMs() != null) {
                long s = label.getGameClockMs() / 1000;
                v.put(Placeholder.CLOCK, String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60));
            }
        }
        return v;
    }

    private static void put(Map<Placeholder, String> values, Placeholder p, String value) {
        if (value != null && !value.isBlank()) {
            values.put(p, value);
        }
    }

    /** THREE_POINTER as "Three pointer". */
    private static String words(String type) {
        String lower = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * A text whose placeholder had no value ("DUNK — " without a player) loses the separator left hanging at
     * its end; the values themselves are never touched.
     */
    private static String tidy(String text, Map<Placeholder, String> values) {
        String t = text.strip();
        if (values.size() < Placeholder.values().length) {
            while (!t.isEmpty() && "—–-:|,·".indexOf(t.charAt(t.length() - 1)) >= 0 && !endsWithValue(t, values)) {
                t = t.substring(0, t.length() - 1).strip();
            }
        }
        return t;
    }

    private static boolean endsWithValue(String text, Map<Placeholder, String> values) {
        return values.values().stream().anyMatch(v -> !v.isEmpty() && text.endsWith(v));
    }
}

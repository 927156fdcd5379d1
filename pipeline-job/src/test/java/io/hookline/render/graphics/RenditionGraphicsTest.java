package io.hookline.render.graphics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.PlayLabel;
import io.hookline.model.Score;
import io.hookline.model.ScoreChange;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.GraphicsTemplate;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.profiles.SafeZone;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where each graphic goes, when it shows, and that feed text is drawn as written. */
class RenditionGraphicsTest {
    /** Names a feed may carry: quotes, colons, backslashes, percent signs, braces, emoji, right-to-left scripts. */
    static final List<String> HOSTILE = List.of(
            "O'Brien \"The Wall\"",
            "drawtext=text='x':fontfile=/etc/passwd",
            "back\\slash \\\\ 100% %{pts} %%",
            "{player} [in]; [out] ,;",
            "Zoë Ñúñez-Łukasz 🏀🔥",
            "שלום עולם",
            "محمد صلاح",
            "mixed עברית and English");

    static ProfileSet profiles;
    static GraphicsTemplate standard;

    @BeforeAll
    static void load() throws Exception {
        profiles = ProfileLoader.loadBundled();
        standard = profiles.template("standard");
    }

    @Test
    void everyGraphicStaysInsideTheSafeZoneOfEveryShippedRendition() {
        for (RenditionProfile p : profiles.renditions()) {
            int w = p.video().width();
            int h = p.video().height();
            RenditionGraphics g = RenditionGraphics.of(
                    plan("Giannis Antetokounmpo-Papadopoulos the Third"),
                    profiles.template(p.graphics()),
                    p.safeZone(),
                    w,
                    h,
                    List.of(new long[] {0, 60_000_000}));
            SafeZone.Area area = p.safeZone().area(w, h);
            assertThat(g.placed()).as(p.name()).hasSizeGreaterThanOrEqualTo(4);
            for (RenditionGraphics.Placed placed : g.placed()) {
                Overlay o = placed.overlay();
                assertThat(o.x()).as(p.name() + " left").isGreaterThanOrEqualTo(area.x());
                assertThat(o.y()).as(p.name() + " top").isGreaterThanOrEqualTo(area.y());
                assertThat(o.x() + (o.image().getWidth() & ~1))
                        .as(p.name() + " right")
                        .isLessThanOrEqualTo(area.x() + area.width());
                assertThat(o.y() + (o.image().getHeight() & ~1))
                        .as(p.name() + " bottom")
                        .isLessThanOrEqualTo(area.y() + area.height());
            }
        }
    }

    @Test
    void graphicsShownTogetherNeverCoverEachOtherInAnyShippedRendition() {
        for (String[] teams : List.of(
                new String[] {"Bucks", "Celtics"},
                new String[] {"Riverside Rovers", "Harbour Athletic"},
                new String[] {"Borussia Mönchengladbach", "Wolverhampton Wanderers"})) {
            ClipPlan plan = ClipPlan.newBuilder(plan("Giannis Antetokounmpo"))
                    .setHomeTeam(teams[0])
                    .setAwayTeam(teams[1])
                    .build();
            for (RenditionProfile p : profiles.renditions()) {
                RenditionGraphics g = RenditionGraphics.of(
                        plan,
                        profiles.template(p.graphics()),
                        p.safeZone(),
                        p.video().width(),
                        p.video().height(),
                        List.of(new long[] {0, 60_000_000}));
                for (long us = 0; us < 30_000_000; us += 1_000_000) {
                    List<Overlay> shown = showing(g, us);
                    for (int i = 0; i < shown.size(); i++) {
                        for (int j = i + 1; j < shown.size(); j++) {
                            assertThat(covers(shown.get(i), shown.get(j)))
                                    .as("%s with %s v %s at %d us", p.name(), teams[0], teams[1], us)
                                    .isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void theScoreBugNamesTheTeamsWhenTheyFitAndTheirCodesWhenNot() {
        ClipPlan plan = ClipPlan.newBuilder(plan("Ana"))
                .setHomeTeam("Riverside Rovers")
                .setAwayTeam("Harbour Athletic")
                .build();
        RenditionProfile wide = profiles.rendition("youtube-landscape");
        RenditionProfile tall = profiles.rendition("tiktok");

        BufferedImage named = bug(plan, wide);
        BufferedImage coded = bug(plan, tall);

        // The vertical frame has no room for the names beside the branding: the codes take less.
        assertThat(named.getWidth() / (double) named.getHeight())
                .isGreaterThan(1.4 * coded.getWidth() / (double) coded.getHeight());
    }

    private static BufferedImage bug(ClipPlan plan, RenditionProfile p) {
        RenditionGraphics g = RenditionGraphics.of(
                plan,
                profiles.template(p.graphics()),
                p.safeZone(),
                p.video().width(),
                p.video().height(),
                List.of(new long[] {0, 5_000_000}));
        return g.placed().stream()
                .map(RenditionGraphics.Placed::overlay)
                .filter(o -> o.showsAt(1_000_000)
                        && o.x() < p.video().width() / 2
                        && o.y() < p.video().height() / 2)
                .findFirst()
                .orElseThrow()
                .image();
    }

    private static boolean covers(Overlay a, Overlay b) {
        return a.x() < b.x() + b.image().getWidth()
                && b.x() < a.x() + a.image().getWidth()
                && a.y() < b.y() + b.image().getHeight()
                && b.y() < a.y() + a.image().getHeight();
    }

    @Test
    void theScoreBugShowsTheScoreOfEachMoment() {
        RenditionGraphics g = RenditionGraphics.of(
                plan("Ana"), withOnly(standard.scoreBug(), null), SafeZone.NONE, 1280, 720, List.of(new long[] {
                    5_000_000, 25_000_000
                }));

        // 0-0 until 10 s, 1-0 until 20 s, 1-1 after: three bugs, one at a time.
        assertThat(g.placed()).hasSize(3);
        assertThat(showing(g, 9_999_000))
                .hasSize(1)
                .first()
                .extracting(Overlay::toUs)
                .isEqualTo(10_000_000L);
        assertThat(showing(g, 10_000_000))
                .hasSize(1)
                .first()
                .extracting(Overlay::fromUs)
                .isEqualTo(10_000_000L);
        assertThat(g.signature(SegmentRole.body, 0, 9_000_000))
                .isNotEqualTo(g.signature(SegmentRole.body, 11_000_000, 19_000_000));
        assertThat(pixels(showing(g, 5_000_000).get(0).image()))
                .isNotEqualTo(pixels(showing(g, 15_000_000).get(0).image()));
    }

    @Test
    void theLowerThirdShowsOnlyWhileThePlayRunsInOrder() {
        RenditionGraphics g = RenditionGraphics.of(
                plan("Ana"), withOnly(null, standard.lowerThird()), SafeZone.NONE, 1280, 720, List.of(new long[] {
                    0, 30_000_000
                }));
        long from = 12_000_000;

        assertThat(g.signature(SegmentRole.body, from, from + 1_000_000)).isNotEmpty();
        // A hook or a replay repeats a moment out of order: no lower third there.
        assertThat(g.signature(SegmentRole.hook, from, from + 1_000_000)).isEmpty();
        assertThat(g.signature(SegmentRole.replay, from, from + 1_000_000)).isEmpty();
        // It stays up for the template's seconds from the play's first frame after the hook.
        long end = from + standard.lowerThird().durationMs() * 1000;
        assertThat(g.signature(SegmentRole.body, end, end + 1_000_000)).isEmpty();
        assertThat(g.signature(SegmentRole.body, from - 1_000_000, from)).isEmpty();
    }

    @Test
    void hostileFeedTextIsDrawnAsWrittenInEveryScript() {
        FontBook fonts = FontBook.installed();
        GraphicPainter painter = new GraphicPainter(fonts);
        java.awt.Font base = fonts.family("DejaVu Sans");
        GraphicsTemplate.TextStyle style = standard.lowerThird().style();
        for (String name : HOSTILE) {
            int[] drawn = pixels(painter.textBox(name, style, 40, 4000));
            // Every letter is drawn: taking any one away changes the picture, so none was dropped or escaped.
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (!Character.isWhitespace(cp)) {
                    String without = name.substring(0, i) + name.substring(next);
                    assertThat(pixels(painter.textBox(without, style, 40, 4000)))
                            .as("'%s' without '%s'", name, new String(Character.toChars(cp)))
                            .isNotEqualTo(drawn);
                }
                if (cp < 0x1F000) {
                    // Emoji aside (no emoji font on a server), an installed font has every letter.
                    assertThat(fonts.forCodePoint(base, cp).canDisplay(cp))
                            .as("an installed font draws U+%04X of '%s'", cp, name)
                            .isTrue();
                }
                i = next;
            }
        }
    }

    @Test
    void aFeedNameThatLooksLikeAPlaceholderStaysText() {
        GraphicsTemplate lower = withOnly(null, standard.lowerThird());
        BufferedImage literal = lowerThird(plan("{player}"), lower);
        assertThat(pixels(literal)).isNotEqualTo(pixels(lowerThird(plan("{playerX"), lower)));
        assertThat(literal.getWidth())
                .isGreaterThan(lowerThird(plan("Al"), lower).getWidth());
    }

    private static BufferedImage lowerThird(ClipPlan plan, GraphicsTemplate template) {
        return RenditionGraphics.of(plan, template, SafeZone.NONE, 1280, 720, List.of(new long[] {0, 30_000_000}))
                .placed()
                .get(0)
                .overlay()
                .image();
    }

    private static List<Overlay> showing(RenditionGraphics g, long us) {
        return g.placed().stream()
                .map(RenditionGraphics.Placed::overlay)
                .filter(o -> o.showsAt(us))
                .toList();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static GraphicsTemplate withOnly(GraphicsTemplate.ScoreBug bug, GraphicsTemplate.LowerThird lower) {
        return new GraphicsTemplate("only", "test", bug, lower, null, null, null, null);
    }

    /** A play at 12-18 s of a match scored 1-0 at 10 s and 1-1 at 20 s. */
    static ClipPlan plan(String player) {
        PlayLabel label = PlayLabel.newBuilder()
                .setPlayId("p-1")
                .setFromMs(12_000L)
                .setToMs(18_000L)
                .setAction("THREE_POINTER")
                .setPlayer(player)
                .setTeam("Bucks")
                .setScore(new Score(1, 0))
                .setPeriod(2)
                .setGameClockMs(83_000L)
                .setDescription(player + " 27' 3PT Jump Shot")
                .build();
        return ClipPlan.newBuilder()
                .setClipId("c")
                .setMatchId("m")
                .setKind(ClipKind.play)
                .setRank(1)
                .setScore(1.0)
                .setTitle("t")
                .setRule("r")
                .setProfileVersion("v")
                .setPlayIds(List.of("p-1"))
                .setSourceStartMs(0L)
                .setSourceEndMs(30_000L)
                .setPeakMs(14_000L)
                .setSegments(List.of())
                .setRenditions(List.of())
                .setExplanation("e")
                .setLabels(List.of(label))
                .setScoreboard(List.of(
                        new ScoreChange(0L, new Score(0, 0)),
                        new ScoreChange(10_000L, new Score(1, 0)),
                        new ScoreChange(20_000L, new Score(1, 1))))
                .setHomeTeam("Bucks")
                .setAwayTeam("Celtics 'B'")
                .build();
    }
}

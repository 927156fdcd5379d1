package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PlannedPublish;
import io.hookline.publish.ledger.PublishKey;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless chromium) over a match that {@code ./hookline run} rendered: the
 * gallery, playing a clip, live progress, an approval, a broken profile, every page at a desktop and a phone
 * width, and the gallery of a 900-rendition match timed.
 */
class ConsoleBrowserITCase {
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    @TempDir
    static Path dir;

    static Path out;
    static Path brokenProfiles;
    static Path tunedProfiles;
    static ConsoleServer server;
    static String base;
    static JsonNode manifest;

    @BeforeAll
    static void renderAMatchAndStartTheConsole() throws Exception {
        Path profiles = RenderedMatch.render(dir);
        out = dir.resolve("out");
        manifest = new ObjectMapper()
                .readTree(out.resolve(RenderedMatch.MATCH)
                        .resolve("manifest.json")
                        .toFile());
        brokenProfiles = copy(profiles, dir.resolve("broken"), "video: {width: 360,", "video: {width: wide,");
        tunedProfiles = copy(profiles, dir.resolve("tuned"), "crf: 30", "crf: 26");
        server = ConsoleServer.start(ConsoleFixtures.settings(
                out, null, "127.0.0.1", List.of(profiles, brokenProfiles, tunedProfiles), dir.resolve("work")));
        base = "http://127.0.0.1:" + server.port();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> widths() {
        return Stream.of(Arguments.of("desktop", Browser.DESKTOP), Arguments.of("phone", Browser.PHONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widths")
    void theGalleryOfARenderedMatchListsEveryClipInRankOrder(String name, Dimension size) throws Exception {
        List<String> expected = new ArrayList<>();
        manifest.get("clips").forEach(c -> expected.add(c.get("clipId").asText()));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        try (Browser browser = new Browser(size)) {
            browser.driver.get(base + "/matches/" + RenderedMatch.MATCH);
            List<WebElement> cards = browser.driver.findElements(By.cssSelector(".gallery li.clip"));
            assertThat(cards).extracting(c -> c.getDomAttribute("data-clip")).containsExactlyElementsOf(expected);
            assertThat(cards)
                    .extracting(c -> Integer.parseInt(c.getDomAttribute("data-rank")))
                    .isSorted();
            WebElement first = cards.get(0);
            assertThat(first.findElement(By.cssSelector(".title")).getText())
                    .isEqualTo(manifest.get("clips").get(0).get("title").asText());
            assertThat(first.findElement(By.cssSelector(".poster")).getTagName())
                    .isEqualTo("img");
            assertThat((Boolean) browser.script(
                            "return arguments[0].complete && arguments[0].naturalWidth > 0;",
                            first.findElement(By.cssSelector(".poster"))))
                    .isTrue();
            assertThat(first.findElement(By.cssSelector(".score")).getText()).startsWith("score ");
            // The feed's bad line is a dead letter with its origin and reason.
            assertThat(browser.driver.findElements(By.cssSelector(".dead-letters tbody tr")))
                    .isNotEmpty();
            // The timeline marks every clip, each a link to its card.
            assertThat(browser.driver.findElements(By.cssSelector("svg.timeline a")))
                    .hasSize(expected.size());
            screenshot(browser, name + "-match");
        }
    }

    @Test
    void theFiltersNarrowTheGalleryAndFeedTextStaysText() throws Exception {
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get(base + "/matches/" + RenderedMatch.MATCH);
            List<String> players = browser.driver.findElements(By.cssSelector("select[name=player] option")).stream()
                    .map(WebElement::getText)
                    .toList();
            // A player's name from the feed is shown as written, never as markup.
            assertThat(players).contains("Ana O'Neil", "Zoë Brandt", "Jack <b>Smith</b>");
            assertThat(browser.driver.findElements(By.cssSelector("main b"))).isEmpty();

            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("destination")))
                    .selectByVisibleText(RenderedMatch.DESTINATION);
            WebElement before = browser.driver.findElement(By.cssSelector(".gallery"));
            browser.driver.findElement(By.cssSelector("form.filters button")).click();
            // The form's GET loads a new page: wait for it, the click does not.
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> ExpectedConditions.stalenessOf(before).apply(d)
                            && d.getCurrentUrl().contains("destination=")
                            && "complete".equals(browser.script("return document.readyState;")));
            List<WebElement> cards = browser.driver.findElements(By.cssSelector(".gallery li.clip"));
            assertThat(cards).isNotEmpty().allSatisfy(c -> {
                assertThat(c.findElement(By.cssSelector(".kind")).getText()).isEqualTo("play");
                assertThat(c.findElements(By.cssSelector(".renditions th")))
                        .extracting(th -> th.getAttribute("textContent"))
                        .containsOnly("small-vertical");
            });
            long plays = 0;
            for (JsonNode clip : manifest.get("clips")) {
                plays += clip.get("kind").asText().equals("play") ? 1 : 0;
            }
            assertThat(cards).hasSize((int) plays);

            browser.driver.get(base + "/matches/" + RenderedMatch.MATCH + "?team=away");
            List<String> away = new ArrayList<>();
            manifest.get("clips").forEach(c -> {
                for (JsonNode t : c.get("teams")) {
                    if (t.asText().equals("away")) {
                        away.add(c.get("clipId").asText());
                    }
                }
            });
            assertThat(away).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector(".gallery li.clip")))
                    .extracting(c -> c.getDomAttribute("data-clip"))
                    .containsExactlyElementsOf(away);
        }
    }

    @Test
    void aClipPlaysInThePage() throws Exception {
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get(base + "/matches/" + RenderedMatch.MATCH);
            WebElement card = browser.driver.findElement(By.cssSelector(".gallery li.clip"));
            card.findElement(By.tagName("summary")).click();
            card.findElement(By.cssSelector("a.play")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> ((Number) browser.script("return document.getElementById('player').currentTime;"))
                                    .doubleValue()
                            > 1.0);
            assertThat(browser.script("return document.getElementById('player').error;"))
                    .isNull();
            double t1 =
                    ((Number) browser.script("return document.getElementById('player').currentTime;")).doubleValue();
            Thread.sleep(700);
            double t2 =
                    ((Number) browser.script("return document.getElementById('player').currentTime;")).doubleValue();
            assertThat(t2).isGreaterThan(t1);
            screenshot(browser, "desktop-playing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widths")
    void aLiveMatchsProgressUpdatesWhileThePageIsOpen(String name, Dimension size) throws Exception {
        String match = "live-" + name;
        ConsoleFixtures.writeManifest(out, match, 1, 2, 3, true, null);
        try (Browser browser = new Browser(size)) {
            browser.driver.get(base + "/");
            WebElement row = browser.driver.findElement(By.cssSelector("tr[data-match='" + match + "']"));
            assertThat(row.findElement(By.cssSelector("[data-field=clips]")).getText())
                    .isEqualTo("1 of 3 planned");
            waitForStream(browser);
            ConsoleFixtures.writeManifest(out, match, 2, 2, 3, true, null);
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> row.findElement(By.cssSelector("[data-field=clips]"))
                            .getText()
                            .equals("2 of 3 planned"));
            assertThat(row.findElement(By.cssSelector("[data-field=state]")).getText())
                    .isEqualTo("live");
            // The match's own page follows it too, without a reload.
            browser.driver.get(base + "/matches/" + match);
            browser.script("window.notReloaded = true;");
            waitForStream(browser);
            ConsoleFixtures.writeManifest(out, match, 3, 2, 3, false, null);
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector(".progress [data-field=state]"))
                            .getText()
                            .equals("done"));
            assertThat(browser.driver
                            .findElement(By.cssSelector(".progress [data-field=renditions]"))
                            .getText())
                    .isEqualTo("6 of 6 done");
            assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        }
    }

    @Test
    void anApprovalAndARejectionChangeTheLedger() throws Exception {
        List<PublishKey> keys = new ArrayList<>();
        LedgerDatabase database = LedgerDatabase.h2File(out.resolve(".publish/ledger"));
        try (PublishLedger ledger = JdbcPublishLedger.open(database, Clock.systemUTC())) {
            for (int i = 0; i < 2; i++) {
                JsonNode clip = manifest.get("clips").get(i);
                PublishKey key =
                        new PublishKey(clip.get("clipId").asText(), "small-vertical", RenderedMatch.DESTINATION);
                ledger.plan(new PlannedPublish(
                        key,
                        RenderedMatch.MATCH,
                        clip.get("rank").asInt(),
                        clip.get("score").asDouble()));
                ledger.requestApproval(key, 1, "publisher");
                keys.add(key);
            }
        }
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get(base + "/publishing");
            browser.driver
                    .findElement(By.cssSelector("tr[data-key='" + keys.get(0) + "'] button.approve"))
                    .click();
            // The form posts and the page comes back with its notice: wait for it, the click does not.
            assertThat(notice(browser, "Approved ")).startsWith("Approved " + keys.get(0));
            WebElement reject = browser.driver.findElement(
                    By.cssSelector("tr[data-key='" + keys.get(1) + "'] form[action$=reject]"));
            reject.findElement(By.name("reason")).sendKeys("wrong sponsor board");
            reject.findElement(By.cssSelector("button.reject")).click();
            assertThat(notice(browser, "wrong sponsor board")).contains("wrong sponsor board");
            screenshot(browser, "desktop-publishing");
        }
        try (PublishLedger ledger = JdbcPublishLedger.open(database, Clock.systemUTC())) {
            PublishRecord approved = ledger.get(keys.get(0)).orElseThrow();
            assertThat(approved.state()).isEqualTo(PublishState.PLANNED);
            assertThat(approved.decidedBy()).isEqualTo(Guard.LOCAL.name());
            PublishRecord rejected = ledger.get(keys.get(1)).orElseThrow();
            assertThat(rejected.state()).isEqualTo(PublishState.REJECTED);
            assertThat(rejected.reason()).isEqualTo("wrong sponsor board");
        }
    }

    @Test
    void aBrokenProfileShowsItsFileLineAndColumn() throws Exception {
        int line = lineOf(brokenProfiles.resolve("profiles/small.yaml"), "width: wide");
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get(base + "/profiles");
            List<String> problems = browser.driver.findElements(By.cssSelector("[data-set='1'] .problem")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(problems)
                    .anySatisfy(p -> assertThat(p).matches("profiles/small\\.yaml:" + line + ":\\d+: .*width.*"));
            assertThat(browser.driver
                            .findElement(By.cssSelector("[data-set='0'] .version"))
                            .getText())
                    .isNotBlank();
        }
    }

    @Test
    void twoProfileVersionsShowTheirEffectiveSettingsSideBySide() throws Exception {
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get(base + "/profiles?a=0&b=2");
            List<String> changed = browser.driver.findElements(By.cssSelector(".compare tr.changed")).stream()
                    .map(WebElement::getText)
                    .toList();
            // Both small renditions inherit nothing of crf: each sets it, so both rows change, and nothing else.
            assertThat(changed)
                    .isNotEmpty()
                    .allSatisfy(row ->
                            assertThat(row).contains("video.crf").contains("30").contains("26"));
            assertThat(browser.driver
                            .findElements(By.cssSelector(".compare tbody tr"))
                            .size())
                    .isGreaterThan(changed.size());
            screenshot(browser, "desktop-profiles-compare");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widths")
    void everyPageFitsTheScreen(String name, Dimension size) throws Exception {
        try (Browser browser = new Browser(size)) {
            for (Map.Entry<String, String> page : Map.of(
                            "matches",
                            "/",
                            "match",
                            "/matches/" + RenderedMatch.MATCH,
                            "publishing",
                            "/publishing",
                            "profiles",
                            "/profiles?a=0&b=2",
                            "submit",
                            "/submit")
                    .entrySet()) {
                browser.driver.get(base + page.getValue());
                WebElement h1 = browser.driver.findElement(By.tagName("h1"));
                assertThat(h1.isDisplayed()).as(page.getKey()).isTrue();
                assertThat(browser.fitsWidth())
                        .as(page.getKey() + " is no wider than the " + name + " screen")
                        .isTrue();
                assertThat(browser.driver.findElements(By.cssSelector("header nav a")))
                        .allSatisfy(a -> assertThat(a.isDisplayed()).isTrue());
                screenshot(browser, name + "-" + page.getKey());
            }
        }
    }

    @Test
    void theGalleryOfA900RenditionMatchPaintsWithinASecond() throws Exception {
        Path poster = firstPoster();
        ConsoleFixtures.writeManifest(out, "big-match", 100, 9, 100, false, null);
        // Every clip's poster is a real image file, as the job writes them.
        for (int i = 1; i <= 100; i++) {
            Path to = Files.createDirectories(out.resolve("big-match/clips/" + String.format("c%04d", i)));
            Files.copy(poster, to.resolve("profile-0.jpg"));
        }
        ConsoleFixtures.writeManifest(out, "big-match", 100, 9, 100, false, "clips/%s/profile-0.jpg");
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get(base + "/matches/big-match"); // warm up the JVM's code paths once
            List<double[]> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                browser.driver.get(base + "/matches/big-match");
                new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                        .until(d -> browser.script(
                                        "return performance.getEntriesByName('first-contentful-paint').length;")
                                .equals(1L));
                @SuppressWarnings("unchecked")
                List<Number> t = (List<Number>) browser.script("""
                        const n = performance.getEntriesByType('navigation')[0];
                        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                        const render = n.serverTiming.find(s => s.name === 'render');
                        return [fcp.startTime, n.responseStart - n.requestStart, render ? render.duration : -1,
                                n.transferSize, document.querySelectorAll('.renditions tr').length];""");
                runs.add(t.stream().mapToDouble(Number::doubleValue).toArray());
            }
            for (double[] r : runs) {
                System.out.printf(
                        "900-rendition gallery: first contentful paint %.0f ms, server (request to first byte) %.0f ms,"
                                + " render %.1f ms, %.0f bytes, %.0f rendition rows%n",
                        r[0], r[1], r[2], r[3], r[4]);
                assertThat(r[4]).isEqualTo(900);
            }
            screenshot(browser, "desktop-900-renditions");
        }
    }

    private static Path firstPoster() throws Exception {
        for (JsonNode clip : manifest.get("clips")) {
            for (JsonNode r : clip.get("renditions")) {
                if (r.hasNonNull("thumbnail")) {
                    return out.resolve(RenderedMatch.MATCH)
                            .resolve(r.get("thumbnail").asText());
                }
            }
        }
        throw new AssertionError("the rendered match has no poster");
    }

    /** The page's notice once it says {@code text}. */
    private static String notice(Browser browser, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".notice")).stream()
                        .anyMatch(n -> n.getText().contains(text)));
        return browser.driver.findElement(By.cssSelector(".notice")).getText();
    }

    /** Waits until the page's event stream is open, so a change made next is one it must see. */
    private static void waitForStream(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> "open".equals(browser.script("return document.body.getAttribute('data-stream');")));
    }

    /** A copy of a profile set with one edit in profiles/small.yaml. */
    private static Path copy(Path profiles, Path into, String from, String to) throws Exception {
        try (Stream<Path> files = Files.walk(profiles)) {
            for (Path p : files.toList()) {
                Path target = into.resolve(profiles.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path small = into.resolve("profiles/small.yaml");
        String text = Files.readString(small);
        assertThat(text).contains(from);
        Files.writeString(small, text.replace(from, to));
        return into;
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}

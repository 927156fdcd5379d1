package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The profiles page's preview, on request: the stills {@code ./hookline profiles preview} makes, in the page. */
class ConsolePreviewITCase {

    @TempDir
    Path dir;

    @Test
    void anEditorsPreviewShowsTheStillsOfEveryRendition() throws Exception {
        Path profiles = RenderedMatch.profiles(dir.resolve("profiles"));
        try (ConsoleServer server = ConsoleServer.start(ConsoleFixtures.settings(
                        dir.resolve("out"), null, "127.0.0.1", List.of(profiles), dir.resolve("work")));
                Browser browser = new Browser(Browser.DESKTOP)) {
            String page = "http://127.0.0.1:" + server.port() + "/profiles";
            browser.driver.get(page);
            assertThat(browser.driver.findElements(By.cssSelector(".stills img")))
                    .isEmpty();
            browser.driver
                    .findElement(By.cssSelector("form[action='/profiles/preview'] button"))
                    .click();
            // The form posts and the page comes back saying so: wait for it, the click does not.
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(".preview-state")).stream()
                            .anyMatch(e -> e.getText().startsWith("Rendering")));
            new WebDriverWait(browser.driver, Duration.ofMinutes(8), Duration.ofSeconds(5)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector(".stills img")).isEmpty();
            });
            assertThat(browser.driver
                            .findElement(By.cssSelector(".preview-state"))
                            .getText())
                    .startsWith("Rendered.");
            List<String> stills = browser.driver.findElements(By.cssSelector(".stills figcaption")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(stills)
                    .containsExactly(
                            "small-landscape-hook.png",
                            "small-landscape-play.png",
                            "small-vertical-hook.png",
                            "small-vertical-play.png");
            for (WebElement img : browser.driver.findElements(By.cssSelector(".stills img"))) {
                new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> (Boolean)
                        browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", img));
            }
            assertThat(browser.fitsWidth()).isTrue();
        }
    }
}

package io.hookline.console;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through its chromium-driver (both installed by the launcher's test path),
 * at a desktop or a phone width.
 */
final class Browser implements AutoCloseable {
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    final ChromeDriver driver;

    Browser(Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("HOOKLINE_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--mute-audio",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("HOOKLINE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // The viewport is what a page lays out in; a window has a minimum width, so the phone's is emulated.
        boolean phone = size.getWidth() < 600;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", phone));
        driver.get("data:text/html,<meta name=viewport content='width=device-width, initial-scale=1'>");
        long width = (Long) script("return window.innerWidth;");
        if (width != size.getWidth()) {
            throw new IllegalStateException("the viewport is " + width + " px wide, not " + size.getWidth());
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** True when nothing on the page is wider than the viewport (no sideways scrolling). */
    boolean fitsWidth() {
        return (Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    private static String executable(String env, String fallback) {
        String given = System.getenv(env);
        return given != null && !given.isBlank() ? given : fallback;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

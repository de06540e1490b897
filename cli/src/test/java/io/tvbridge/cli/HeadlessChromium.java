package io.tvbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded one: the
 * network may be closed). Missing binaries fail the test with what to install, unless the system
 * property {@value #SKIP} is true outside CI, for a developer who does not want a browser.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String SKIP = "tvbridge.skipBrowserTests";
    private static final Path CHROMIUM = Path.of(System.getProperty("tvbridge.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("tvbridge.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);

    final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static HeadlessChromium start(Path profile) {
        boolean missing = !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER);
        if (missing && Boolean.getBoolean(SKIP) && System.getenv("CI") == null) {
            Assumptions.abort("no Chromium here and -D" + SKIP + "=true: the dashboard's browser test is skipped");
        }
        if (missing) {
            throw new AssertionError("the dashboard's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (or, outside CI, -D" + SKIP + "=true)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text; the page redraws a part when its data changes, so a vanished element is looked up again. */
    String text(String css) {
        return fresh(() -> find(css).getText());
    }

    String attribute(String css, String name) {
        return fresh(() -> find(css).getAttribute(name));
    }

    /** Clicks as a person would, with the element scrolled to the middle (clear of the sticky header). */
    void click(String css) {
        fresh(() -> {
            WebElement element = find(css);
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return null;
        });
    }

    void type(String css, String text) {
        fresh(() -> {
            WebElement input = find(css);
            input.clear();
            input.sendKeys(text);
            return null;
        });
    }

    private static <T> T fresh(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Waits until {@code condition} holds (not null, not false), with what was waited for in the failure. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage("waiting for: " + what).until(condition);
    }

    void awaitText(String css, String part) {
        await(css + " shows '" + part + "'", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            try {
                return !found.isEmpty() && found.get(0).getText().contains(part);
            } catch (StaleElementReferenceException e) {
                return false;   // redrawn while read: look again
            }
        });
    }

    Object script(String code, Object... arguments) {
        return driver.executeScript(code, arguments);
    }

    /** The page as a screen of this size shows it; a phone is emulated as such (touch, mobile viewport). */
    void screen(int width, int height, boolean phone) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", phone));
    }

    void darkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves what the screen shows as a PNG. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, top to bottom, at this width. */
    void fullPageScreenshot(Path file, int width) {
        script("window.scrollTo(0, 0)");
        long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
        screen(width, (int) height, false);
        screenshot(file);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

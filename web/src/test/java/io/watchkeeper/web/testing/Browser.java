package io.watchkeeper.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its chromedriver (Selenium; Selenium Manager never runs).
 * Paths come from {@code CHROMIUM_BIN} / {@code CHROMEDRIVER_BIN} or {@code /usr/bin}; when they are
 * missing the test fails with the install command rather than skipping.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
            throw new IllegalStateException("browser tests need Debian chromium and chromedriver: "
                    + "apt-get install -y chromium chromium-driver (or set CHROMIUM_BIN / CHROMEDRIVER_BIN)");
        }
        try {
            profile = Files.createTempDirectory("wk-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /**
     * Clicks something that loads a new page and waits (at most 120 s) until the old document is gone and the
     * new one has loaded. The old document is marked before the click; staleness checks on its elements are not
     * used because Chromium may answer them mid-navigation with an inspector error instead of "stale".
     */
    public void clickAndWaitForNextPage(WebElement element) {
        driver.executeScript("document.documentElement.setAttribute('data-wk-old-page', '1')");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(100)).until(d -> {
            try {
                return Boolean.TRUE.equals(driver.executeScript("return document.readyState === 'complete'"
                        + " && !document.documentElement.hasAttribute('data-wk-old-page')"));
            } catch (UnhandledAlertException alert) {
                throw new AssertionError("a script opened a dialog on " + driver.getCurrentUrl(), alert);
            } catch (WebDriverException navigating) {
                return false;
            }
        });
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png} (kept as a test artifact). */
    public void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a JavaScript dialog is open (an executed XSS payload would open one). */
    public boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

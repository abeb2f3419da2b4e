package dev.deskcc.dist.console;

import dev.deskcc.dist.support.Prerequisite;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through Debian's chromedriver (never Selenium
 * Manager, which would try to download one), with the console's few gestures and screenshots
 * saved under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT =
            "browser tests skipped: Chromium is missing; install it with `sudo apt-get install -y chromium chromium-driver`";
    static final Dimension WIDE = new Dimension(1280, 900);
    static final Dimension NARROW = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Skips the calling test class, with one line that says how to install it, where Chromium is missing. */
    static void requireChromium() {
        Prerequisite.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), INSTALL_HINT);
    }

    /** Starts Chromium (see {@link #requireChromium}). */
    static Browser start(String baseUrl) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("deskcc-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new Browser(driver, baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a console route, e.g. {@code "#/tickets"}. */
    void open(String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    /** Signs in through the picker as the fixture user holding {@code token}. */
    void signInAs(String token) {
        open("#/signin");
        driver.executeScript("sessionStorage.clear();");
        driver.navigate().refresh();
        click(By.cssSelector("button.user-choice[data-token='" + token + "']"));
        waitFor(d -> !d.getCurrentUrl().endsWith("#/signin"));
    }

    void signInAsDeveloper() {
        open("#/signin");
        driver.executeScript("sessionStorage.clear();");
        driver.navigate().refresh();
        click(By.xpath("//button[contains(., 'plugin developer')]"));
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by)::apply);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void click(By by) {
        WebElement el = waitFor(ExpectedConditions.elementToBeClickable(by)::apply);
        el.click();
    }

    /** Types into the control whose label reads {@code label} (the label is how a user finds it). */
    void fill(String label, String text) {
        WebElement input = labelled(label);
        input.clear();
        input.sendKeys(text);
    }

    WebElement labelled(String label) {
        WebElement l = find(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    void button(String text) {
        click(By.xpath("//button[normalize-space(.)=" + literal(text) + "]"));
    }

    /** Waits up to 8 s; a timeout reports what the screen showed instead. */
    /** An XPath string literal for any text (apostrophes included). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(8)).until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n--- the screen at " + driver.getCurrentUrl() + " ---\n" + text(), e);
        }
    }

    /** Waits until the page's text contains {@code text}. */
    void waitForText(String text) {
        waitFor(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves the screen at 1280 px and at 390 px wide as {@code target/screenshots/<name>-<width>.png}. */
    void screenshots(String name) {
        screenshot(name, WIDE);
        screenshot(name, NARROW);
        driver.manage().window().setSize(WIDE);
    }

    void screenshot(String name, Dimension size) {
        driver.manage().window().setSize(size);
        // taller than the viewport so that a narrow screen shows more than its first fold
        Long height = (Long) script("return Math.min(Math.max(document.documentElement.scrollHeight"
                + " + window.outerHeight - window.innerHeight, arguments[0]), 4000);", size.getHeight());
        driver.manage().window().setSize(new Dimension(size.getWidth(), height.intValue()));
        Long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow > 0) {
            throw new AssertionError(name + ": the layout is " + overflow + " px wider than a " + size.getWidth() + " px screen");
        }
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + "-" + size.getWidth() + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(size);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}

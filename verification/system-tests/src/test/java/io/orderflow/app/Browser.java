package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromedriver}), driven by Selenium
 * against the running application: what a person does (type into labelled fields, click, use the
 * keyboard), what the page shows, its browser log, and a screenshot of each page at desktop width and at
 * 360 px, kept in {@code target/console-screenshots}.
 * <p>
 * Without the browser the tests are skipped, unless {@code -Dorderflow.browser-tests=required} (as
 * {@code .ci/run} sets it), which makes its absence a failure.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final int NARROW = 360;
    /**
     * How many presses of Tab lead from the focused element to {@code arguments[0]} (negative: of Shift+Tab), in
     * the order the browser moves the focus: controls in document order, from the focused one, or from the start
     * of a focused container (the view's {@code main}) or of the page when nothing is focused.
     */
    private static final String TAB_DISTANCE = """
            const tabbable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                .filter((element) => element.tabIndex >= 0 && !element.disabled && element.getClientRects().length > 0);
            const active = document.activeElement;
            let from = tabbable.indexOf(active);
            if (from < 0) {
                const next = tabbable.findIndex((element) => active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
                from = (next < 0 ? tabbable.length : next) - 1;
            }
            return tabbable.indexOf(arguments[0]) - from;
            """;

    final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    static Browser start(String baseUrl) {
        File chromium = new File(System.getProperty("orderflow.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("orderflow.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String missing = "Chromium or its driver is not installed (" + chromium + ", " + chromedriver
                    + "): apt-get install chromium chromium-driver";
            if ("required".equals(System.getProperty("orderflow.browser-tests"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // no connections to the browser vendor's services: this machine's network refuses them
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), baseUrl);
    }

    void quit() {
        driver.quit();
    }

    /** Opens a view of the console, e.g. {@code #/orders}. */
    void open(String fragment) {
        driver.get(baseUrl + "/console/" + fragment);
        heading();
    }

    WebElement heading() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
    }

    void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    void type(String fieldId, String text) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
    }

    void click(By target) {
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    void clickButton(String text) {
        click(By.xpath("//button[normalize-space(.)='" + text + "']"));
    }

    /**
     * Moves the focus to {@code target} with Tab, or Shift+Tab when it lies behind, as someone on the keyboard
     * does, and answers it. The presses are counted on the page first and sent at once: a long catalogue costs
     * one round trip, not one per control.
     */
    WebElement tabTo(By target) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
        for (int attempt = 0; attempt < 5 && !element.equals(driver.switchTo().activeElement()); attempt++) {
            int presses = ((Number) script(TAB_DISTANCE, element)).intValue();
            Actions keys = new Actions(driver);
            for (int press = 0; press < Math.max(1, Math.abs(presses)); press++) {
                keys = presses >= 0 ? keys.sendKeys(Keys.TAB) : keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT);
            }
            keys.perform();
        }
        assertThat(driver.switchTo().activeElement()).as("the focus, after tabbing to %s", target).isEqualTo(element);
        return element;
    }

    /** Types {@code keys} into whatever has the focus, as the keyboard does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The id of the element that has the focus. */
    String focused() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    static By link(String text) {
        return By.xpath("//a[normalize-space(.)='" + text + "']");
    }

    /** Waits until the element shows text that passes {@code condition}; answers that text. */
    String waitForText(By target, Predicate<String> condition) {
        return wait.until(driver -> {
            List<WebElement> found = driver.findElements(target);
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            return condition.test(text) ? text : null;
        });
    }

    String waitForText(By target, String contained) {
        return waitForText(target, text -> text.contains(contained));
    }

    WebElement waitFor(By target) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Marks the loaded document, so that a later {@link #wasNotReloaded()} tells whether it is still the same. */
    void markDocument() {
        script("window.orderflowTestMark = true;");
    }

    boolean wasNotReloaded() {
        return Boolean.TRUE.equals(script("return window.orderflowTestMark === true;"));
    }

    /** The customer id of whoever is signed in, from the token the console holds. */
    String signedInCustomerId() {
        return (String) script("const token = sessionStorage.getItem('orderflow.token');"
                + "return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub;");
    }

    void useToken(String token) {
        script("sessionStorage.setItem('orderflow.token', arguments[0]);", token);
    }

    /**
     * Checks the page as it is shown, at desktop width and at 360 px, and keeps a screenshot of both: every
     * form field has a label, every button a name, there is one top heading, and at 360 px nothing is wider
     * than the screen.
     */
    void checkPage(String name) {
        check(name, false);
        driver.manage().window().setSize(new Dimension(NARROW, DESKTOP.height));
        wait.until(driver -> ((Number) script("return window.innerWidth;")).intValue() <= NARROW);
        check(name + "-360", true);
        driver.manage().window().setSize(DESKTOP);
    }

    @SuppressWarnings("unchecked")
    private void check(String name, boolean narrow) {
        Map<String, Object> page = (Map<String, Object>) script("""
                const unlabelled = [...document.querySelectorAll('input, select, textarea')]
                    .filter(field => field.type !== 'hidden')
                    .filter(field => !(field.labels && field.labels.length) && !field.getAttribute('aria-label'))
                    .map(field => field.outerHTML);
                const unnamed = [...document.querySelectorAll('button')]
                    .filter(button => !button.textContent.trim() && !button.getAttribute('aria-label'))
                    .map(button => button.outerHTML);
                return {unlabelled, unnamed, headings: document.querySelectorAll('main h1').length,
                        overflow: document.documentElement.scrollWidth - window.innerWidth};
                """);
        assertThat((List<String>) page.get("unlabelled")).as("form fields without a label on %s", name).isEmpty();
        assertThat((List<String>) page.get("unnamed")).as("buttons without a name on %s", name).isEmpty();
        assertThat(((Number) page.get("headings")).intValue()).as("top headings on %s", name).isEqualTo(1);
        if (narrow) {
            assertThat(((Number) page.get("overflow")).intValue()).as("overflow at 360 px on %s", name).isLessThanOrEqualTo(0);
        }
        screenshot(name);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the screenshot " + name, e);
        }
    }

    /** The browser log's errors since the last call: script errors, refused policies, failed requests. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}

package io.storescheduler.bootstrap.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, the machine's own (Debian's chromium and chromium-driver),
 * so nothing is downloaded at test time. A class registers it once:
 * {@code @RegisterExtension static final Chromium browser = Chromium.perClass();}
 * After each test, passed or failed, it saves what the page showed to
 * {@code target/browser-screenshots/<TestClass>/<testMethod>.png}.
 */
final class Chromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a wait lasts before it fails: pages here answer in milliseconds, a slow CI machine in seconds. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final String INVOCATION = "[test-template-invocation:#";

    private final String language;
    private Path profile;
    private ChromeDriver driver;
    private Path classScreenshots;

    private Chromium(String language) {
        this.language = language;
    }

    /** A browser asking for American English pages, for the test class that registers it. */
    static Chromium perClass() {
        return perClass("en-US");
    }

    /** A browser whose interface and Accept-Language are {@code language}, e.g. {@code "zh-CN"}. */
    static Chromium perClass(String language) {
        return new Chromium(language);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        requireInstalled();
        classScreenshots = SCREENSHOTS.resolve(classFolder(context.getRequiredTestClass()));
        deleteRecursively(classScreenshots); // so the folder shows this run's tests only
        profile = Files.createTempDirectory("chromium-profile-");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options());
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            screenshot(testFileName(context));
        } catch (RuntimeException e) {
            // A test that failed keeps its own failure; the lost picture rides along with it.
            var failure = context.getExecutionException();
            if (failure.isEmpty()) {
                throw e;
            }
            failure.get().addSuppressed(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            deleteRecursively(profile);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** The language the browser asks pages in, as it sends it in Accept-Language. */
    String language() {
        return language;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Opens {@code path} (e.g. {@code "/board"}) on the in-process server. */
    void open(TestServer server, String path) {
        open("http://127.0.0.1:" + server.port() + path);
    }

    /** The element {@code locator} finds, once the page has it; fails after {@link #PATIENCE}. */
    WebElement await(By locator) {
        return until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The element {@code locator} finds, once it is shown; fails after {@link #PATIENCE}. */
    WebElement awaitVisible(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * The first answer of {@code condition} that is neither null nor false, asked again and again
     * until then; fails after {@link #PATIENCE}.
     */
    <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Like {@link #until(Function)}, failing with {@code expectation} in its message. */
    <T> T until(String expectation, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(expectation).until(condition);
    }

    /** Saves what the page shows now as {@code <name>.png} in the class's screenshot folder. */
    Path screenshot(String name) {
        var png = classScreenshots.resolve(name + ".png");
        try {
            Files.createDirectories(classScreenshots);
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    /** Where the screenshot taken after the test {@code testMethod} of this class goes. */
    Path screenshotAfter(String testMethod) {
        return classScreenshots.resolve(testMethod + ".png");
    }

    private ChromeOptions options() {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000", "--user-data-dir=" + profile, "--lang=" + language);
        // --lang sets the interface (navigator.language); the pref sets what requests ask for.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return options;
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium at " + CHROMIUM + " and its driver at "
                    + CHROMEDRIVER + ": run .ci/run, or apt-get install chromium chromium-driver");
        }
    }

    /** The class's name within the package, so a nested class gets a folder apart from its outer class. */
    private static String classFolder(Class<?> testClass) {
        return testClass.getName().substring(testClass.getPackageName().length() + 1);
    }

    /** The test method's name, with the invocation's index for a repeated or parameterized test. */
    private static String testFileName(ExtensionContext context) {
        var method = context.getRequiredTestMethod().getName();
        var id = context.getUniqueId();
        var invocation = id.lastIndexOf(INVOCATION);
        return invocation < 0 ? method : method + "-" + id.substring(invocation + INVOCATION.length(), id.length() - 1);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (NoSuchFileException gone) {
                    // Chromium may remove its own lock files as it exits.
                }
            }
        }
    }
}

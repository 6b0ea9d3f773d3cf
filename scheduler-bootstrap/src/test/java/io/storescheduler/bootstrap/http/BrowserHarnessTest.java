package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.http.shared.OpenApiDocument;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opentest4j.AssertionFailedError;

/**
 * The browser harness itself, against the real server and a real headless Chromium: it shows
 * pages as a person would see them, axe-core finds what keeps people from using a page, and every
 * test leaves a screenshot.
 */
// Ordered only so that one test can see the screenshot another left behind it; Chromium empties the
// class's screenshot folder before the first test, so no earlier run's picture can stand in for it.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserHarnessTest {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final String INACCESSIBLE_PAGE = "<!doctype html><html lang=\"en\"><title>Sign in</title><main>"
            + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"40\" height=\"40\">"
            + "<input type=\"text\" id=\"who\"></main></html>";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @RegisterExtension
    static final Chromium browser = Chromium.perClass();

    @Test
    @Order(1)
    void the_api_page_lists_every_operation_of_the_document_it_fetches() {
        browser.open(server, OpenApiDocument.DOCS_PATH);

        browser.await(By.cssSelector("#routes table"));
        var paths = browser.driver().findElements(By.cssSelector("#routes td code")).stream()
                .map(WebElement::getText).toList();
        var document = server.api().get(null, OpenApiDocument.JSON_PATH).expect(200);
        var operations = document.get("paths").properties().stream()
                .mapToLong(path -> path.getValue().propertyStream().filter(op -> !op.getKey().equals("parameters")).count())
                .sum();
        assertEquals("Store Scheduler API", browser.driver().getTitle());
        assertEquals(operations, paths.size(), () -> "rows shown: " + paths);
        assertTrue(paths.contains("/health/live"), () -> "rows shown: " + paths);
    }

    @Test
    @Order(2)
    void each_test_leaves_a_screenshot_of_the_page_it_ended_on() throws IOException {
        assertPng(browser.screenshotAfter("the_api_page_lists_every_operation_of_the_document_it_fetches"));
    }

    @Test
    void a_named_screenshot_is_written_when_a_test_asks_for_it() throws IOException {
        browser.open(server, "/health/live");
        browser.until("the health answer to show", driver -> driver.getPageSource().contains("\"up\""));

        var png = browser.screenshot("health-live");

        assertEquals(browser.screenshotAfter("health-live"), png);
        assertPng(png);
    }

    @Test
    void axe_names_an_image_without_text_and_an_input_without_a_label() {
        browser.open(dataUrl(INACCESSIBLE_PAGE));

        var violations = Axe.seriousViolations(browser.driver());

        var targetsByRule = violations.stream().collect(Collectors.toMap(Axe.Violation::rule, Axe.Violation::targets));
        assertEquals(List.of("img"), targetsByRule.get("image-alt"), () -> Axe.describe(violations));
        assertEquals(List.of("#who"), targetsByRule.get("label"), () -> Axe.describe(violations));
    }

    @Test
    void the_accessibility_assertion_fails_naming_each_rule_impact_help_and_element() {
        browser.open(dataUrl(INACCESSIBLE_PAGE));

        var failure = assertThrows(AssertionFailedError.class, () -> Axe.assertNoSeriousViolations(browser.driver()));

        assertTrue(failure.getMessage().contains("image-alt (critical): Images must have alternative text at img"), failure.getMessage());
        assertTrue(failure.getMessage().contains("label (critical): Form elements must have labels at #who"), failure.getMessage());
    }

    @Test
    void the_api_page_has_no_serious_accessibility_violations() {
        browser.open(server, OpenApiDocument.DOCS_PATH);
        browser.await(By.cssSelector("#routes table"));

        Axe.assertNoSeriousViolations(browser.driver());
    }

    @Test
    void the_browser_asks_for_american_english_pages_by_default() {
        try (var echo = HeaderEcho.of("Accept-Language")) {
            browser.open(echo.url());

            assertEquals("en-US", browser.await(By.id("header")).getText().split(",")[0]);
        }
    }

    private static String dataUrl(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertPng(Path file) throws IOException {
        assertTrue(Files.size(file) > 1_000, () -> file + " is too small for a screenshot");
        try (var in = Files.newInputStream(file)) {
            assertArrayEquals(PNG_SIGNATURE, in.readNBytes(PNG_SIGNATURE.length), () -> file + " is not a PNG");
        }
    }
}

package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** A browser asked for another language asks pages in it, as a person's browser set to it would. */
class ChromiumLanguageTest {

    @RegisterExtension
    static final Chromium browser = Chromium.perClass("zh-CN");

    @Test
    void a_browser_set_to_chinese_asks_for_chinese_pages_first() {
        try (var echo = HeaderEcho.of("Accept-Language")) {
            browser.open(echo.url());

            assertEquals("zh-CN", browser.await(By.id("header")).getText().split(",")[0]);
        }
    }

    @Test
    void a_browser_set_to_chinese_tells_scripts_its_language() {
        browser.open("data:text/html,<title>language</title>");

        assertEquals("zh-CN", ((JavascriptExecutor) browser.driver()).executeScript("return navigator.language"));
    }
}

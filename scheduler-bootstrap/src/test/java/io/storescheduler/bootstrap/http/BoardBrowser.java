package io.storescheduler.bootstrap.http;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the day board's browser tests share: signing in as a desk, opening a store's day, reading its blocks. */
final class BoardBrowser {

    private BoardBrowser() {}

    /** Signs in with {@code token} from a browser without cookies, as a desk at the sign-in page would; lands on the stores. */
    static void signIn(Chromium browser, TestServer server, String token) {
        browser.open(server, "/board/language/en?back=/board");
        browser.driver().manage().deleteAllCookies();
        browser.open(server, "/board");
        browser.await(By.id("token")).sendKeys(token);
        browser.driver().findElement(By.cssSelector("form[action='/board/login'] button[type=submit]")).click();
        browser.await(By.cssSelector("ul.stores, form.sign-out"));
    }

    static void openDay(Chromium browser, TestServer server, long storeId, String day) {
        browser.open(server, "/board/stores/" + storeId + "/days/" + day);
        browser.await(By.cssSelector("div.day[data-day='" + day + "']"));
    }

    static WebElement block(Chromium browser, long bookingId) {
        return browser.await(By.cssSelector(".board a[data-booking-id='" + bookingId + "']"));
    }

    static List<WebElement> blocks(Chromium browser) {
        return browser.driver().findElements(By.cssSelector(".board a[data-booking-id]"));
    }

    /** The lane (room or DM) a booking's block is drawn in, by its key ({@code room-7}, {@code dm-3}). */
    static String laneOf(Chromium browser, long bookingId) {
        return block(browser, bookingId).findElement(By.xpath("ancestor::div[@data-lane]")).getAttribute("data-lane");
    }

    static String heading(Chromium browser) {
        return browser.await(By.tagName("h1")).getText();
    }
}

package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The front desk's day board in headless Chromium, on the real server: a desk signs in, walks a
 * store's day, sees each booking in its room with its conflicts named on both blocks, opens a
 * booking by mouse and by keyboard, switches to DM lanes and to Chinese, and is refused another
 * store's day; the page passes axe-core's serious and critical checks.
 */
class DayBoardBrowserTest {

    private static final String DAY = "2026-12-05";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    @RegisterExtension
    static final Chromium browser = Chromium.perClass();

    /** A store's day: two scheduled games sharing a DM and overlapping, one in each room; an incomplete and a cancelled booking. */
    private record Day(StoreSetup store, long library, long cellar, long dm, long first, long second, long incomplete, long cancelled) {}

    private static Day day(StoreSetup store) {
        var library = store.room("Library", 6);
        var cellar = store.room("Cellar", 6);
        var dm = store.dm("Ada");
        var script = store.script("Night Train", 180, 2, 0);
        var first = store.matchedBooking(DAY + "T19:00:00+08:00", script, library);
        store.matchDm(first, null, dm);
        store.confirm(first).expect(200);
        var second = store.matchedBooking(DAY + "T20:00:00+08:00", script, cellar);
        store.matchDm(second, null, dm);
        store.confirm(second).expect(200);
        var incomplete = store.incompleteBooking(DAY + "T14:00:00+08:00", script.id());
        var cancelled = store.incompleteBooking(DAY + "T15:00:00+08:00", script.id());
        store.cancel(cancelled).expect(200);
        return new Day(store, library, cellar, dm, first, second, incomplete, cancelled);
    }

    @Test
    void a_desk_signs_in_picks_its_store_and_sees_each_booking_in_its_room(StoreSetup store) {
        var day = day(store);
        BoardBrowser.signIn(browser, server, store.token);
        var storeLinks = browser.driver().findElements(By.cssSelector("ul.stores a"));
        assertEquals(1, storeLinks.size(), "a staff token sees its one store");

        BoardBrowser.openDay(browser, server, store.storeId, DAY);
        assertEquals("room-" + day.library(), BoardBrowser.laneOf(browser, day.first()));
        assertEquals("room-" + day.cellar(), BoardBrowser.laneOf(browser, day.second()));
        assertEquals("scheduled", BoardBrowser.block(browser, day.first()).getAttribute("data-status"));
        assertEquals(List.of(day.first(), day.second()), BoardBrowser.blocks(browser).stream()
                .map(b -> Long.parseLong(b.getAttribute("data-booking-id"))).sorted().toList(), "only scheduled bookings are on the lanes");
        var side = browser.driver().findElements(By.cssSelector("aside.side a[data-booking-id]"));
        assertEquals(List.of(Long.toString(day.incomplete()), Long.toString(day.cancelled())),
                side.stream().map(a -> a.getAttribute("data-booking-id")).toList(), "the incomplete, then the cancelled booking beside the board");
        assertEquals(List.of("incomplete", "cancelled"), side.stream().map(a -> a.getAttribute("data-status")).toList());
        browser.screenshot("day-of-a-store");
    }

    @Test
    void two_bookings_that_share_a_dm_and_overlap_are_marked_on_both_blocks_naming_each_other(StoreSetup store) {
        var day = day(store);
        BoardBrowser.signIn(browser, server, store.token);
        BoardBrowser.openDay(browser, server, store.storeId, DAY);

        var first = BoardBrowser.block(browser, day.first());
        var second = BoardBrowser.block(browser, day.second());
        assertEquals("true", first.getAttribute("data-conflict"));
        assertEquals("true", second.getAttribute("data-conflict"));
        assertTrue(first.getText().contains("#" + day.second()), first.getText());
        assertTrue(second.getText().contains("#" + day.first()), second.getText());
        assertTrue(first.getAttribute("aria-label").contains("Clashes with #" + day.second()), first.getAttribute("aria-label"));
    }

    @Test
    void a_block_opens_its_panel_with_the_mouse_and_with_the_keyboard(StoreSetup store) {
        var day = day(store);
        BoardBrowser.signIn(browser, server, store.token);
        BoardBrowser.openDay(browser, server, store.storeId, DAY);

        BoardBrowser.block(browser, day.first()).click();
        var panel = browser.awaitVisible(By.cssSelector("#panel section.booking-panel[data-booking-id='" + day.first() + "']"));
        assertTrue(panel.findElement(By.cssSelector(".panel-room")).getText().contains("Library"), panel.getText());
        assertTrue(panel.findElement(By.cssSelector(".panel-conflicts")).getText().contains("#" + day.second()), panel.getText());
        assertTrue(browser.driver().getCurrentUrl().endsWith("?booking=" + day.first()), "the open panel is in the address, to reload or share");

        BoardBrowser.block(browser, day.second()).sendKeys(Keys.ENTER);
        browser.awaitVisible(By.cssSelector("#panel section.booking-panel[data-booking-id='" + day.second() + "']"));
        browser.until("the opened panel takes the focus", d -> "panel-title".equals(d.switchTo().activeElement().getAttribute("id")));

        browser.driver().navigate().refresh();
        browser.awaitVisible(By.cssSelector("#panel section.booking-panel[data-booking-id='" + day.second() + "']"));
    }

    @Test
    void the_day_walks_to_the_next_and_previous_day_and_switches_to_a_lane_per_dm(StoreSetup store) {
        var day = day(store);
        BoardBrowser.signIn(browser, server, store.token);
        BoardBrowser.openDay(browser, server, store.storeId, DAY);

        browser.driver().findElement(By.cssSelector("a[rel=next]")).click();
        browser.await(By.cssSelector("div.day[data-day='2026-12-06']"));
        assertTrue(BoardBrowser.blocks(browser).isEmpty(), "the next day has no booking");
        browser.driver().findElement(By.cssSelector("a[rel=prev]")).click();
        browser.await(By.cssSelector("div.day[data-day='" + DAY + "']"));

        browser.driver().findElement(By.cssSelector(".view-switch a[href$='view=dms']")).click();
        browser.await(By.cssSelector("div.lane[data-lane='dm-" + day.dm() + "']"));
        assertEquals("dm-" + day.dm(), BoardBrowser.laneOf(browser, day.first()));
        assertEquals("dm-" + day.dm(), BoardBrowser.laneOf(browser, day.second()));
        browser.screenshot("dm-lanes");
    }

    @Test
    void another_stores_day_is_refused_with_a_403_page_and_shows_none_of_it(StoreSetup store) {
        var theirs = day(server.newStore(SHANGHAI));
        BoardBrowser.signIn(browser, server, store.token);
        browser.open(server, "/board/stores/" + theirs.store().storeId + "/days/" + DAY);

        var problem = browser.await(By.cssSelector("section.problem"));
        assertEquals("403", problem.getAttribute("data-status"));
        assertTrue(BoardBrowser.blocks(browser).isEmpty());
        browser.open(server, "/board/stores/" + store.storeId + "/bookings/" + theirs.first() + "/panel");
        assertEquals("404", browser.await(By.cssSelector("section.problem")).getAttribute("data-status"),
                "another store's booking is not found in this one, as the API answers");
    }

    @Test
    void the_language_switch_shows_the_board_in_simplified_chinese_and_back(StoreSetup store) {
        day(store);
        BoardBrowser.signIn(browser, server, store.token);
        BoardBrowser.openDay(browser, server, store.storeId, DAY);

        browser.driver().findElement(By.cssSelector(".languages a[lang='zh-Hans']")).click();
        browser.until("the page is in Chinese", d -> "zh-Hans".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        browser.await(By.cssSelector("div.day[data-day='" + DAY + "']"));
        assertTrue(browser.driver().findElement(By.id("incomplete-title")).getText().contains("未完成"));
        browser.screenshot("day-in-chinese");
        browser.driver().findElement(By.cssSelector(".languages a[lang='en']")).click();
        browser.until("the page is in English", d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    void signing_out_ends_the_session_and_a_revoked_token_ends_its_session_at_the_next_page(StoreSetup store) {
        day(store);
        BoardBrowser.signIn(browser, server, store.token);
        browser.driver().findElement(By.cssSelector("form.sign-out button")).click();
        browser.await(By.id("token"));
        browser.open(server, "/board/stores/" + store.storeId + "/days/" + DAY);
        browser.await(By.id("token"));

        var actor = server.api().post(server.adminToken, "/api/v1/actors",
                object("name", "desk to revoke", "store_ids", List.of(store.storeId), "admin", false)).expect(201);
        BoardBrowser.signIn(browser, server, actor.get("token").asText());
        BoardBrowser.openDay(browser, server, store.storeId, DAY);
        server.api().delete(server.adminToken, "/api/v1/actors/" + actor.get("id").asLong()).expect(204);
        browser.open(server, "/board/stores/" + store.storeId + "/days/" + DAY);
        browser.await(By.id("token"));
        assertFalse(browser.driver().getPageSource().contains("data-booking-id"));
    }

    @Test
    void the_sign_in_page_and_the_day_with_a_panel_open_have_no_serious_accessibility_violation(StoreSetup store) {
        var day = day(store);
        browser.driver().manage().deleteAllCookies();
        browser.open(server, "/board");
        browser.await(By.id("token"));
        Axe.assertNoSeriousViolations(browser.driver());

        BoardBrowser.signIn(browser, server, store.token);
        browser.open(server, "/board/stores/" + store.storeId + "/days/" + DAY + "?booking=" + day.first());
        browser.awaitVisible(By.cssSelector("#panel section.booking-panel"));
        Axe.assertNoSeriousViolations(browser.driver());
    }
}

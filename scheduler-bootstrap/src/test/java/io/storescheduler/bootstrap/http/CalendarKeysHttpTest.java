package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calendar keys: made by the store's staff, shown once inside the feed's URL, kept as a SHA-256
 * only; a new key ends the previous one at once, and every wrong way to ask for a feed answers the
 * same 404. Racing rotations leave exactly one working key.
 */
class CalendarKeysHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final int RACERS = 8;

    @Test
    void a_key_is_shown_once_in_the_feed_url_and_only_its_sha_256_is_kept(StoreSetup store) throws Exception {
        var roomId = store.room("Kept Room", 6);
        var url = store.api.post(store.token, store.path + "/rooms/" + roomId + "/calendar-key", null).expect(200).get("calendar_url").asText();

        var prefix = "http://127.0.0.1:" + server.port() + store.path + "/calendars/rooms/" + roomId + ".ics?key=";
        assertTrue(url.startsWith(prefix), url);
        var key = url.substring(prefix.length());
        assertTrue(key.matches("[A-Za-z0-9_-]{43}"), key);
        try (var connection = server.connectToDatabase();
                var statement = connection.prepareStatement("SELECT k::text, k.key_hash FROM calendar_key k WHERE k.store_id = ? AND k.room_id = ?")) {
            statement.setLong(1, store.storeId);
            statement.setLong(2, roomId);
            try (var row = statement.executeQuery()) {
                assertTrue(row.next(), "the key has a row");
                assertFalse(row.getString(1).contains(key), "the row holds the key");
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), row.getBytes(2));
                assertFalse(row.next(), "one row per room");
            }
        }
        assertEquals(200, store.api.get(null, feedPath(url)).status());
    }

    @Test
    void a_new_key_ends_the_previous_one_at_once(StoreSetup store) {
        var dmId = store.dm("Rotating DM");
        var first = rotate(store, "/dms/" + dmId);
        assertEquals(200, store.api.get(null, first).status());

        var second = rotate(store, "/dms/" + dmId);
        store.api.get(null, first).expectProblem(404, "calendar_not_found");
        assertEquals(200, store.api.get(null, second).status());
    }

    @Test
    void every_wrong_way_to_ask_for_a_feed_answers_the_same_404(StoreSetup store, StoreSetup other) {
        var roomId = store.room("Asked Room", 4);
        var dmId = store.dm("Asked DM");
        var otherRoomId = other.room("Other Room", 4);
        var good = rotate(store, "/rooms/" + roomId);
        var key = good.substring(good.indexOf("key=") + 4);
        var otherKey = rotate(other, "/rooms/" + otherRoomId);
        var madeUp = "A".repeat(43);

        var wrong = List.of(
                store.path + "/calendars/rooms/" + roomId + ".ics?key=" + madeUp,
                store.path + "/calendars/rooms/999999999.ics?key=" + key,
                store.path + "/calendars/dms/" + dmId + ".ics?key=" + key,
                store.path + "/calendars/rooms/" + otherRoomId + ".ics?key=" + otherKey.substring(otherKey.indexOf("key=") + 4),
                other.path + "/calendars/rooms/" + roomId + ".ics?key=" + key,
                "/api/v1/stores/999999999/calendars/rooms/" + roomId + ".ics?key=" + key);
        var answers = new HashSet<String>();
        for (var path : wrong) {
            var problem = store.api.get(null, path).expectProblem(404, "calendar_not_found");
            answers.add(problem.get("detail").asText() + " | " + problem.get("title").asText());
        }
        assertEquals(1, answers.size(), "the 404s tell the wrong parts apart: " + answers);
        assertEquals(200, store.api.get(null, good).status(), "the right key still works");
    }

    @Test
    void a_missing_or_malformed_key_is_a_400_naming_key(StoreSetup store) {
        var roomId = store.room("Malformed Room", 4);
        var path = store.path + "/calendars/rooms/" + roomId + ".ics";
        for (var query : List.of("", "?key=", "?key=short", "?key=" + "A".repeat(44), "?key=" + "A".repeat(42) + "%21")) {
            var problem = store.api.get(null, path + query).expectProblem(400, "invalid_parameter");
            assertEquals("key", problem.get("errors").get(0).get("field").asText(), query);
        }
    }

    @Test
    void racing_rotations_leave_exactly_one_working_key_and_one_row(StoreSetup store) throws Exception {
        var roomId = store.room("Raced Room", 6);
        var urls = Racing.atOnce(Collections.<Callable<String>>nCopies(RACERS, () -> rotate(store, "/rooms/" + roomId)));

        assertEquals(RACERS, new HashSet<>(urls).size(), "every rotation made a key of its own");

        var working = urls.stream().filter(url -> store.api.get(null, url).status() == 200).toList();
        assertEquals(1, working.size(), "working keys: " + working);
        var key = working.get(0).substring(working.get(0).indexOf("key=") + 4);
        try (var connection = server.connectToDatabase();
                var statement = connection.prepareStatement("SELECT key_hash FROM calendar_key WHERE store_id = ? AND room_id = ?")) {
            statement.setLong(1, store.storeId);
            statement.setLong(2, roomId);
            try (var rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), rows.getBytes(1),
                        "the row holds the working key's hash");
                assertFalse(rows.next(), "one row for the room");
            }
        }
    }

    @Test
    void a_calendar_asked_too_often_answers_429_while_other_calendars_still_answer(StoreSetup store) {
        var busy = rotate(store, "/rooms/" + store.room("Busy Room", 4));
        var calm = rotate(store, "/rooms/" + store.room("Calm Room", 4));
        ApiClient.Answer limited = null;
        for (int i = 0; i < 300 && limited == null; i++) {
            var answer = store.api.get(null, busy);
            if (answer.status() == 429) {
                limited = answer;
            } else {
                assertEquals(200, answer.status(), answer::text);
            }
        }
        assertNotNull(limited, "300 requests at once to one calendar were all answered");
        limited.expectProblem(429, "rate_limited");
        assertNotNull(limited.header("Retry-After"));
        assertEquals(200, store.api.get(null, calm).status(), "another calendar of the store is slowed down too");
    }

    @Test
    void the_zones_ical4j_adds_to_the_jvm_are_no_store_timezone(StoreSetup store) {
        var dmId = store.dm("Zone DM");
        assertEquals(200, store.api.get(null, rotate(store, "/dms/" + dmId)).status(), "a feed makes ical4j load its zones");
        var added = java.time.ZoneId.getAvailableZoneIds().stream().filter(id -> id.startsWith("ical4j")).findFirst();
        assertTrue(added.isPresent(), "ical4j added no zone of its own: this test checks nothing any more");
        store.api.post(server.adminToken, "/api/v1/stores", ApiClient.object("name", "Ghost Zone", "timezone", added.get()))
                .expectProblem(422, "invalid_timezone");
    }

    /** A new key for the owner under the store's path (e.g. {@code /rooms/3}): the path and query of its feed URL. */
    private static String rotate(StoreSetup owner, String ownerPath) {
        return feedPath(server.api().post(owner.token, owner.path + ownerPath + "/calendar-key", null).expect(200).get("calendar_url").asText());
    }

    private static String feedPath(String url) {
        return url.substring(url.indexOf("/api/v1/"));
    }
}

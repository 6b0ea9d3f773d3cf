package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many round trips the hot routes make to the database once the caller's token and store are
 * remembered (any earlier request remembers them): the statements, then the {@code COMMIT} of the
 * use case's transaction, which is counted ({@code BEGIN} travels with the first statement and is
 * not), and any {@code SHOW TRANSACTION ISOLATION LEVEL} the driver sends when asked for the
 * isolation level (jOOQ's own transactions asked at each start; ours do not). Pinned, so a change
 * that adds a query to a hot route has to say so here. The shared rate limit's take, one more
 * round trip per lease of tokens, is counted apart and pinned once, here too.
 */
class RoundTripsHttpTest {

    private static final RoundTrips TRIPS = new RoundTrips();

    @RegisterExtension
    static final TestServer server = TestServer.perClass(TRIPS::wrap);

    private static StoreSetup store;
    private static StoreSetup.Script script;
    private static long roomId;

    @BeforeAll
    static void setUp() {
        store = server.newStore(SHANGHAI);
        roomId = store.room("Room A", 6);
        script = store.script("Night Train", 240, 2, 1);
        // the quota check reads a store's time zone at its first booking and keeps it: read it here
        store.incompleteBooking("2026-12-04T10:00:00+08:00", script.id());
    }

    @Test
    void a_known_token_and_store_cost_no_query_after_the_first_request() {
        var fresh = server.newStore(SHANGHAI);

        TRIPS.reset();
        fresh.api.get(fresh.token, fresh.path + "/rooms").expect(200);
        var first = TRIPS.recorded();
        TRIPS.reset();
        fresh.api.get(fresh.token, fresh.path + "/rooms").expect(200);
        var second = TRIPS.recorded();

        assertEquals(first.size() - 2, second.size(), () -> "first:\n" + String.join("\n", first) + "\nsecond:\n" + String.join("\n", second));
        assertTrue(reads(first, "\"actor\"") && reads(first, "\"store\""), () -> String.join("\n", first));
        assertFalse(reads(second, "\"actor\"") || reads(second, "\"store\""), () -> String.join("\n", second));
    }

    @Test
    void a_known_token_takes_from_its_shared_bucket_in_leases_that_double_and_a_failed_one_in_none() {
        var fresh = server.newStore(SHANGHAI);

        TRIPS.reset();
        for (int i = 0; i < 1 + 2 + 4 + 8; i++) {
            fresh.api.get(fresh.token, fresh.path + "/rooms").expect(200);
        }
        // leases of 1, 2, 4 and 8 tokens pay for the fifteen when each is used up within its second
        // (LeasedRateLimiterTest pins the sizes); one that lapses first is taken again, not doubled
        var takes = TRIPS.rateLimitTakes();
        assertTrue(takes >= 4 && takes < 15, () -> takes + " takes for 15 requests");

        TRIPS.reset();
        assertEquals(401, store.api.get(UUID.randomUUID().toString(), store.path + "/rooms").status());
        assertEquals(0, TRIPS.rateLimitTakes(), "failed authentications are counted in the instance's memory");
    }

    @Test
    void reading_a_booking_is_one_statement_with_its_conflicts_and_no_transaction() {
        var bookingId = store.matchedBooking("2026-12-05T14:00:00+08:00", script, roomId);
        var draft = store.incompleteBooking("2026-12-05T18:00:00+08:00", script.id());

        TRIPS.reset();
        store.get(bookingId);
        var matched = TRIPS.recorded();
        TRIPS.reset();
        store.get(draft);
        var drafted = TRIPS.recorded();

        assertEquals(1, matched.size(), () -> "round trips:\n" + String.join("\n", matched));
        assertTrue(matched.getFirst().contains("cross join lateral (select count(*)"), matched::getFirst);
        assertEquals(1, drafted.size(), () -> "round trips:\n" + String.join("\n", drafted));
    }

    @Test
    void reading_a_page_of_bookings_is_the_page_its_total_and_the_conflicts_of_all_of_it() {
        store.matchedBooking("2026-12-06T14:00:00+08:00", script, roomId);
        store.scheduledBooking("2026-12-06T15:00:00+08:00", script);

        TRIPS.reset();
        store.api.get(store.token, store.path + "/bookings").expect(200);

        assertTrips(3, TRIPS.recorded());
    }

    @Test
    void creating_a_booking_checks_its_script_and_room_inserts_it_and_looks_for_its_conflicts_without_reading_it_back() {
        var held = store.matchedBooking("2026-12-07T13:00:00+08:00", script, roomId);
        store.confirm(held).expect(200);

        TRIPS.reset();
        var created = store.createBooking("2026-12-07T14:00:00+08:00", script.id(), roomId).expect(201);

        // the day's quota count, script, room, insert ... returning, conflicts, and last the event (the
        // store's event cursor bumped and the event inserted in one statement: see JooqEventOutbox)
        assertTrips(6, TRIPS.recorded());
        assertEquals(held, created.get("conflict_booking_ids").get(0).asLong());
        assertEquals(store.get(created.get("id").asLong()), created, "the answer is what a read finds");
    }

    @Test
    void creating_a_booking_without_a_room_skips_the_conflict_query() {
        TRIPS.reset();
        store.createBooking("2026-12-07T18:00:00+08:00", script.id(), null).expect(201);

        // the day's quota count, script, insert ... returning: with no room and no DM yet, it can conflict with nothing;
        // then the event
        assertTrips(4, TRIPS.recorded());
    }

    @Test
    void confirming_a_booking_takes_the_lock_decides_writes_and_reads_it_back() {
        var first = store.matchedBooking("2026-12-08T14:00:00+08:00", script, roomId);
        var second = store.matchedBooking("2026-12-08T14:00:00+08:00", script, roomId);

        TRIPS.reset();
        store.confirm(first).expect(200);
        var intoANewSlot = TRIPS.recorded();
        TRIPS.reset();
        store.confirm(second).expect(200);
        var intoTheSameSlot = TRIPS.recorded();

        // store lock, the booking's row lock, the booking read after it (not in the locking statement: see
        // JooqBookingRepository.findForUpdate), script, rooms' conflict counts, rooms seating the party,
        // slot, update, booking, conflicts, and last the event, whose cursor lock is so held only for the commit
        assertTrips(11, intoANewSlot);
        // the slot's insert finds it there, so it is read
        assertTrips(12, intoTheSameSlot);
    }

    @Test
    void reading_a_calendar_feed_is_its_key_then_the_store_the_owner_and_the_bookings_in_one_transaction() {
        var url = store.api.post(store.token, store.path + "/rooms/" + roomId + "/calendar-key", null).expect(200).get("calendar_url").asText();
        var path = url.substring(url.indexOf("/api/v1/"));

        TRIPS.reset();
        assertEquals(200, store.api.get(null, path).status());
        var trips = TRIPS.recorded();

        var described = "round trips:\n" + String.join("\n", trips);
        assertTrue(trips.getFirst().contains("from \"calendar_key\""), described);
        // the key's hash outside the transaction; then the store, the room's name, the bookings
        assertTrips(3, trips.subList(1, trips.size()));
    }

    private static void assertTrips(int statements, List<String> trips) {
        var described = "round trips:\n" + String.join("\n", trips);
        assertEquals(statements + 1, trips.size(), described);
        assertEquals("COMMIT", trips.getLast(), described);
        assertEquals(1, trips.stream().filter("COMMIT"::equals).count(), described);
    }

    private static boolean reads(List<String> trips, String table) {
        return trips.stream().anyMatch(sql -> sql.startsWith("select") && sql.contains("from " + table));
    }
}

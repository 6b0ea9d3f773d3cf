package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Quotas per store: past each a creation answers 409 {@code quota_exceeded} naming the quota and its
 * limit, and writes nothing. Stores are filled to the brim in SQL (the quotas are far above what a
 * test should send); the last few go through the API, racing where the count-and-insert must hold.
 */
class QuotaHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_store_holds_200_rooms_and_the_201st_is_refused_naming_the_quota(StoreSetup store) throws SQLException {
        fill(store, "INSERT INTO room (store_id, name, name_key, capacity) SELECT ?, 'Room ' || n, 'room ' || n, 4 FROM generate_series(1, 199) n");
        store.room("The last one", 6);

        var refused = server.api().post(store.token, store.path + "/rooms", object("name", "One too many", "capacity", 4))
                .expectProblem(409, "quota_exceeded");

        assertEquals("rooms", refused.get("quota").asText());
        assertEquals(200, refused.get("limit").asInt());
        assertEquals(200, count("SELECT count(*) FROM room WHERE store_id = ?", store.storeId));
        server.newStore(SHANGHAI).room("Another store's room", 4);
    }

    @Test
    void twenty_racing_creations_at_five_below_the_room_quota_give_five_rooms_and_fifteen_refusals(StoreSetup store) throws Exception {
        fill(store, "INSERT INTO room (store_id, name, name_key, capacity) SELECT ?, 'Room ' || n, 'room ' || n, 4 FROM generate_series(1, 195) n");
        var racers = new ArrayList<Callable<Answer>>();
        for (int i = 0; i < 20; i++) {
            var name = "Racer " + i;
            racers.add(() -> server.api().post(store.token, store.path + "/rooms", object("name", name, "capacity", 4)));
        }

        var answers = Racing.race(racers);

        assertEquals(5, answers.stream().filter(answer -> answer.status() == 201).count(), answers::toString);
        answers.stream().filter(answer -> answer.status() != 201).forEach(answer -> answer.expectProblem(409, "quota_exceeded"));
        assertEquals(200, count("SELECT count(*) FROM room WHERE store_id = ?", store.storeId));
    }

    @Test
    void a_store_holds_1000_scripts(StoreSetup store) throws SQLException {
        fill(store, "INSERT INTO script (store_id, name, duration_minutes) SELECT ?, 'Script ' || n, 60 FROM generate_series(1, 1000) n");

        var refused = server.api().post(store.token, store.path + "/scripts", object("name", "One too many", "duration_minutes", 60,
                "characters", List.of(Map.of("name", "Detective")))).expectProblem(409, "quota_exceeded");

        assertEquals("scripts", refused.get("quota").asText());
        assertEquals(1000, refused.get("limit").asInt());
        assertEquals(1000, count("SELECT count(*) FROM script WHERE store_id = ?", store.storeId));
        assertEquals(0, count("SELECT count(*) FROM script_character WHERE store_id = ?", store.storeId));
    }

    /** Quotas on named rows: the store holds {@code limit} of them, the last one added through the API. */
    private enum NamedRowQuota {
        DMS("dm", "DM", 500, store -> store.dm("The last one")),
        CLIENTS("client", "Client", 200_000, store -> store.client("The last one"));

        final String table;
        final String label;
        final int limit;
        final Consumer<StoreSetup> addLast;

        NamedRowQuota(String table, String label, int limit, Consumer<StoreSetup> addLast) {
            this.table = table;
            this.label = label;
            this.limit = limit;
            this.addLast = addLast;
        }

        String quota() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @ParameterizedTest(name = "a store holds {0} up to its limit")
    @EnumSource(NamedRowQuota.class)
    void a_store_holds_500_dms_and_200000_clients(NamedRowQuota rows) throws SQLException {
        var store = server.newStore(SHANGHAI);
        fill(store, "INSERT INTO " + rows.table + " (store_id, name) SELECT ?, '" + rows.label + " ' || n FROM generate_series(1, "
                + (rows.limit - 1) + ") n");
        rows.addLast.accept(store);

        var refused = server.api().post(store.token, store.path + "/" + rows.quota(), object("name", "One too many"))
                .expectProblem(409, "quota_exceeded");

        assertEquals(rows.quota(), refused.get("quota").asText());
        assertEquals(rows.limit, refused.get("limit").asInt());
        assertEquals(rows.limit, count("SELECT count(*) FROM " + rows.table + " WHERE store_id = ?", store.storeId));
    }

    @Test
    void a_local_day_holds_2000_bookings_cancelled_ones_included_and_a_move_into_a_full_day_is_refused(StoreSetup store) throws SQLException {
        // 2026-12-05 in Shanghai: 1999 bookings, every third cancelled, spread over the local day
        fill(store, """
                INSERT INTO booking (store_id, status, start_at)
                SELECT ?, CASE WHEN n % 3 = 0 THEN 'cancelled' ELSE 'incomplete' END,
                       timestamptz '2026-12-05T00:00:00+08:00' + (n % 1440) * interval '1 minute'
                FROM generate_series(1, 1999) n""");
        store.createBooking("2026-12-05T23:59:00+08:00", null, null).expect(201);

        var refused = store.createBooking("2026-12-05T00:00:00+08:00", null, null).expectProblem(409, "quota_exceeded");
        assertEquals("bookings_per_day", refused.get("quota").asText());
        assertEquals(2000, refused.get("limit").asInt());

        // the next local day starts at 16:00 UTC of the full one: the day is the store's, not UTC's
        var nextDay = store.createBooking("2026-12-06T00:00:00+08:00", null, null).expect(201).get("id").asLong();
        server.api().patch(store.token, store.booking(nextDay), object("start_at", "2026-12-05T12:00:00+08:00"))
                .expectProblem(409, "quota_exceeded");
        server.api().patch(store.token, store.booking(nextDay), object("start_at", "2026-12-06T20:00:00+08:00")).expect(200);
        var fullDay = count("""
                SELECT count(*) FROM booking WHERE store_id = ?
                AND start_at >= '2026-12-05T00:00:00+08:00' AND start_at < '2026-12-06T00:00:00+08:00'""", store.storeId);
        assertEquals(2000, fullDay);
        var inFullDay = server.api().get(store.token, store.path + "/bookings?status=incomplete&from=2026-12-05T23:00:00%2B08:00&to=2026-12-06T00:00:00%2B08:00&limit=1")
                .expect(200).get("items").get(0).get("id").asLong();
        server.api().patch(store.token, store.booking(inFullDay), object("start_at", "2026-12-05T08:00:00+08:00"))
                .expect(200);
    }

    private static void fill(StoreSetup store, String insert) throws SQLException {
        try (var connection = server.connectToDatabase(); var statement = connection.prepareStatement(insert)) {
            statement.setLong(1, store.storeId);
            assertTrue(statement.executeUpdate() > 0);
        }
    }

    private static long count(String query, long storeId) throws SQLException {
        try (var connection = server.connectToDatabase(); var statement = connection.prepareStatement(query)) {
            statement.setLong(1, storeId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

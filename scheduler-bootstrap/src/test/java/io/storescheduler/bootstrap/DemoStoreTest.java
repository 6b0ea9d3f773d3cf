package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.application.availability.FindAvailabilityUseCase.Availability;
import io.storescheduler.application.availability.FindAvailabilityUseCase.FindAvailabilityQuery;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.ListBookingsUseCase.ListBookingsQuery;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.db.TestDatabase;
import io.storescheduler.domain.id.StoreId;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCHEDULER_DEMO=1 loads one demo store through the use cases, once, and a new staff token at every start. */
class DemoStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC);

    private TestDatabase database;
    private SchedulerMetrics metrics;
    private SchedulerApi.UseCases useCases;

    @BeforeEach
    void migrate() {
        database = TestDatabase.createMigrated();
        metrics = new SchedulerMetrics();
        useCases = SchedulerApplication.useCases(new JooqPersistence(database.dataSource()), Optional.empty(), CLOCK, metrics);
    }

    @AfterEach
    void drop() {
        metrics.close();
        database.close();
    }

    @Test
    void the_demo_store_has_its_catalogue_and_bookings_with_one_conflicting_pair() throws SQLException {
        var demo = DemoStore.load(useCases, CLOCK);

        assertTrue(demo.created());
        assertEquals(DemoStore.ZONE, demo.store().timezone());
        assertEquals(Map.of("store", 1L, "room", 3L, "script", 3L, "dm", 3L, "client", 10L, "booking", 5L), tableCounts());
        assertEquals(3L, count("select count(*) from script_character where is_dm"), "each script has a DM character");
        var bookings = bookings(demo.store().id());
        assertEquals(Map.of("incomplete", 2L, "scheduled", 3L), statusCounts(bookings));
        var conflicting = bookings.stream().filter(view -> view.conflicts().hasConflict()).toList();
        assertEquals(2, conflicting.size(), "one conflicting pair");
        var a = conflicting.get(0).booking().id();
        var b = conflicting.get(1).booking().id();
        assertEquals(List.of(b), conflicting.get(0).conflicts().bookingIds());
        assertEquals(List.of(a), conflicting.get(1).conflicts().bookingIds());
        assertEquals(a, demo.conflictingBookingId().orElseThrow());
        assertEquals("2026-11-26T10:00+08:00[Asia/Shanghai]", demo.tryAt().toString(), "the guide's booking is for tomorrow");
    }

    @Test
    void the_demo_store_has_store_rules_that_make_a_search_answer_something_useful() {
        var demo = DemoStore.load(useCases, CLOCK);
        var store = demo.store();
        var rooms = useCases.catalogue().rooms().listRooms(store.id(), PageRequest.first()).items();
        var dms = useCases.catalogue().dms().listDms(store.id(), PageRequest.first()).items();
        var nightTrain = useCases.catalogue().scripts().listScripts(store.id(), PageRequest.first()).items().getFirst();
        var chenJing = dms.stream().filter(dm -> dm.name().equals("Chen Jing")).findFirst().orElseThrow();

        assertTrue(rooms.stream().allMatch(room -> room.turnaroundMinutes() > 0), "every room needs a reset");
        assertFalse(store.openingHours().isAlwaysOpen());
        assertFalse(chenJing.canHost(nightTrain.id()));
        var tomorrow = demo.tryAt().toLocalDate().atStartOfDay(DemoStore.ZONE).toInstant();
        Availability found = switch (useCases.availability().find(new FindAvailabilityQuery(store, nightTrain.id(), 3, tomorrow,
                tomorrow.plus(Duration.ofDays(1)), 60, null, null))) {
            case Outcome.Done<Availability> done -> done.value();
            case Outcome.Refused<Availability> refused -> fail("refused: " + refused.refusal());
        };
        assertFalse(found.items().isEmpty(), "tomorrow has free times for Night Train");
        assertTrue(found.items().stream().noneMatch(item -> item.dmIds().contains(chenJing.id())), "Chen Jing does not host Night Train");
        assertTrue(found.items().stream().allMatch(item -> item.startAt().atZone(DemoStore.ZONE).getHour() >= 12),
                "nothing before the store opens at noon");
    }

    @Test
    void a_second_start_adds_nothing_and_replaces_the_demo_token() throws SQLException {
        var first = DemoStore.load(useCases, CLOCK);
        var countsAfterFirst = tableCounts();

        var second = DemoStore.load(useCases, CLOCK);

        assertFalse(second.created());
        assertEquals(first.store(), second.store());
        assertEquals(countsAfterFirst, tableCounts());
        assertEquals(first.conflictingBookingId(), second.conflictingBookingId());
        assertEquals(List.of(first.soloScriptId(), first.soloCharacterId(), first.clientId()),
                List.of(second.soloScriptId(), second.soloCharacterId(), second.clientId()));
        assertTrue(useCases.guard().authenticate().authenticate(first.token()).isEmpty(), "the first start's token is revoked");
        var actor = useCases.guard().authenticate().authenticate(second.token()).orElseThrow();
        assertFalse(actor.admin());
        assertTrue(actor.mayAccess(second.store().id()));
        assertEquals(1L, count("select count(*) from actor"));
    }

    @Test
    void the_guide_names_the_token_and_the_ids_its_commands_use() {
        var demo = DemoStore.load(useCases, CLOCK);

        var guide = DemoStore.guide(demo, "http://localhost:8080");

        assertTrue(guide.contains("Bearer " + demo.token()), guide);
        assertTrue(guide.contains("S=http://localhost:8080/api/v1/stores/" + demo.store().id()), guide);
        assertTrue(guide.contains("\"start_at\":\"2026-11-26T10:00:00+08:00\",\"script_id\":" + demo.soloScriptId()), guide);
        assertTrue(guide.contains("\"character_id\":" + demo.soloCharacterId() + ",\"client_id\":" + demo.clientId()), guide);
        assertTrue(guide.contains("$S/bookings/$B/confirm"), guide);
        assertTrue(guide.contains("$S/bookings/" + demo.conflictingBookingId().orElseThrow() + " "), guide);
    }

    private List<BookingView> bookings(StoreId storeId) {
        return useCases.listBookings().list(new ListBookingsQuery(storeId, BookingFilter.all(), PageRequest.first())).items();
    }

    private static Map<String, Long> statusCounts(List<BookingView> bookings) {
        var counts = new TreeMap<String, Long>();
        bookings.forEach(view -> counts.merge(view.booking().status().code(), 1L, Long::sum));
        return counts;
    }

    private Map<String, Long> tableCounts() throws SQLException {
        var counts = new TreeMap<String, Long>();
        for (var table : List.of("store", "room", "script", "dm", "client", "booking")) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    private long count(String sql) throws SQLException {
        try (var connection = database.connect(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

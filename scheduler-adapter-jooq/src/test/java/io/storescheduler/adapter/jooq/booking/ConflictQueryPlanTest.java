package io.storescheduler.adapter.jooq.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.EntityId;
import io.storescheduler.domain.id.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queries a booking answer runs must stay index lookups however long a store's history grows.
 * One store holds 100,000 bookings (mostly completed history) and a neighbour 10,000; the SQL the
 * adapter really sends is captured by an {@link ExecuteListener} and explained twice: with its
 * values inlined (the custom plan of the first executions) and as a prepared statement forced to
 * its generic plan (what a pooled connection may settle on after repeated executions). Beyond the
 * plan's shape, {@code EXPLAIN ANALYZE} bounds the rows each plan node actually touches.
 *
 * <p>The long history's store also holds a crowd: {@value #CROWD} scheduled games at once in one
 * room, each in conflict with all the others. Its answers must stay one row per booking with at
 * most {@link ConflictReport#LISTED_IDS} ids, read off the same index.
 */
class ConflictQueryPlanTest {

    private static final int HISTORY = 100_000;
    private static final int NEIGHBOUR_HISTORY = 10_000;
    /** The last twentieth of a store's bookings is its future: scheduled or incomplete; the rest are past games. */
    private static final int FUTURE_SHARE = 20;
    /** Far more than a day's bookings, far less than the history: what an index lookup may touch. */
    private static final int MAX_ROWS_TOUCHED = 1_000;
    /** A page of bookings asks about each of its bookings; each may touch about two days of this filler's bookings. */
    private static final int PAGE = 20;
    private static final int ROWS_TOUCHED_PER_BOOKING_OF_A_PAGE = 100;
    /** Games at once in one room, far in the history's future. */
    private static final int CROWD = 1_000;
    private static final Instant CROWD_STARTS = Instant.parse("2028-01-01T10:00:00Z");
    private static final Pattern ROWS_OF_A_NODE = Pattern.compile("actual time=\\S+ rows=(\\d+) loops=(\\d+)");
    private static final Pattern ROWS_REMOVED = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");
    private static final Pattern SCAN_OF_A_DURING_INDEX =
            Pattern.compile("Scan (?:using|on) booking_(?:room_)?scheduled_during_idx[^\n]*\n\\s*Index Cond: ([^\n]*)");
    private static final Pattern SEQ_SCAN_ON_BOOKING = Pattern.compile("Seq Scan on booking\\b");

    private static final List<Query> captured = new ArrayList<>();

    private static PersistenceUnderTest db;
    private static StoreId storeId;
    private static Booking subject;
    /** Over the same data source as the adapter's, and records every statement it executes. */
    private static DSLContext capturing;

    @BeforeAll
    static void fillOneStoreWithALongHistory() {
        db = PersistenceUnderTest.start();
        storeId = fillStore(HISTORY);
        fillCrowd(storeId);
        fillStore(NEIGHBOUR_HISTORY);
        db.persistence().dsl().execute("ANALYZE");
        capturing = DSL.using(db.persistence().dsl().configuration().deriveAppending(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                captured.add(ctx.query());
            }
        }));
        subject = db.persistence().bookings().find(storeId, scheduledBookingInTheFuture()).orElseThrow();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void the_subject_has_a_room_and_a_dm_so_every_branch_of_the_query_is_planned() {
        assertEquals(BookingStatus.SCHEDULED, subject.status());
        assertTrue(subject.roomId() != null && !subject.dmIds().isEmpty());
        assertFalse(db.persistence().conflicts().conflictsOf(storeId, subject.scheduleEntry()).hasConflict(),
                "the filler never overlaps two bookings, so the plan is for the common case");
    }

    @Test
    void conflicts_of_a_booking_use_the_scheduled_index_not_a_scan_of_the_history() throws SQLException {
        var query = captureOne(() -> new JooqConflictFinder(capturing).conflictsOf(storeId, subject.scheduleEntry()));

        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), false);
    }

    @Test
    void conflicts_of_a_page_of_bookings_use_the_scheduled_index_and_touch_few_rows() throws SQLException {
        var page = db.persistence().bookings().list(storeId, new BookingFilter(Set.of(BookingStatus.SCHEDULED),
                subject.startAt(), null, null, null, null), new PageRequest(PAGE, 0)).items();
        var entries = page.stream().map(Booking::scheduleEntry).toList();
        var query = captureOne(() -> new JooqConflictFinder(capturing).conflictsOfEach(storeId, entries));

        assertEquals(PAGE, entries.size());
        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), false);
        assertFewRowsTouched(explainAnalyzed(query), PAGE * ROWS_TOUCHED_PER_BOOKING_OF_A_PAGE);
    }

    @Test
    void a_filtered_page_of_bookings_does_not_scan_the_history() throws SQLException {
        var filter = new BookingFilter(Set.of(BookingStatus.SCHEDULED), subject.startAt(), subject.startAt().plusSeconds(7 * 24 * 3600),
                null, null, null);
        for (var query : captureAll(() -> new JooqBookingRepository(capturing).list(storeId, filter, new PageRequest(50, 0)))) {
            assertIndexOnly(explainInlined(query), false);
            assertIndexOnly(explainGeneric(query), false);
        }
    }

    @Test
    void room_conflict_counts_use_the_scheduled_index_not_a_scan_of_the_history() throws SQLException {
        var query = captureOne(() -> new JooqConflictFinder(capturing)
                .roomConflictCounts(storeId, subject.id(), subject.startAt(), subject.endAt()));

        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), false);
    }

    @Test
    void the_scheduled_bookings_around_a_week_of_availability_come_off_the_scheduled_index() throws SQLException {
        var query = captureOne(() -> new JooqConflictFinder(capturing)
                .scheduledAround(storeId, subject.startAt(), subject.startAt().plusSeconds(7 * 24 * 3600)));

        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), false);
    }

    @Test
    void finding_a_booking_by_id_does_not_scan_the_bookings() throws SQLException {
        var query = captureOne(() -> new JooqBookingRepository(capturing).find(storeId, subject.id()));

        assertIndexOnly(explainInlined(query), false);
        assertIndexOnly(explainGeneric(query), false);
    }

    @Test
    void room_conflict_counts_touch_few_rows_however_long_the_history() throws SQLException {
        var query = captureOne(() -> new JooqConflictFinder(capturing)
                .roomConflictCounts(storeId, subject.id(), subject.startAt(), subject.endAt()));

        assertFewRowsTouched(explainAnalyzed(query));
    }

    /**
     * Reading a booking's DMs, and asking which bookings share one, must look the booking's own
     * matches up instead of reading every match of the store or of the DM over all its history.
     */
    @Test
    void finding_a_booking_and_its_conflicts_touch_few_rows_however_long_the_history() throws SQLException {
        var find = captureOne(() -> new JooqBookingRepository(capturing).find(storeId, subject.id()));
        var conflicts = captureOne(() -> new JooqConflictFinder(capturing).conflictsOf(storeId, subject.scheduleEntry()));

        assertFewRowsTouched(explainAnalyzed(find));
        assertFewRowsTouched(explainAnalyzed(conflicts));
    }

    /** GET of a booking: the booking, its party, its matches and its conflicts, in one statement. */
    @Test
    void reading_a_booking_with_its_conflicts_in_one_statement_uses_the_indexes_and_touches_few_rows() throws SQLException {
        var query = captureOne(() -> new JooqBookingRepository(capturing).findWithConflicts(storeId, subject.id()));

        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), true);
        assertFewRowsTouched(explainAnalyzed(query));
    }

    @Test
    void a_page_of_a_bookings_conflicts_and_their_count_use_the_scheduled_index_and_touch_few_rows() throws SQLException {
        var queries = captureAll(() -> new JooqConflictFinder(capturing)
                .conflictingBookings(storeId, subject.scheduleEntry(), new PageRequest(PageRequest.MAX_LIMIT, 0)));

        for (var query : queries) {
            assertIndexOnly(explainInlined(query), true);
            assertIndexOnly(explainGeneric(query), false);
            assertFewRowsTouched(explainAnalyzed(query));
        }
    }

    /** 200 bookings of the crowd, each with 999 conflicts: 200 rows of at most 100 ids, not 199,800 pairs. */
    @Test
    void a_page_of_a_crowded_room_answers_a_row_per_booking_with_capped_ids_off_the_index() throws SQLException {
        var entries = crowdPage().stream().map(Booking::scheduleEntry).toList();
        var query = captureOne(() -> new JooqConflictFinder(capturing).conflictsOfEach(storeId, entries));
        var reports = new JooqConflictFinder(db.persistence().dsl()).conflictsOfEach(storeId, entries);

        assertEquals(PageRequest.MAX_LIMIT, reports.size());
        reports.values().forEach(report -> {
            assertEquals(CROWD - 1, report.count());
            assertEquals(ConflictReport.LISTED_IDS, report.bookingIds().size());
        });
        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), false);
        var plan = explainAnalyzed(query);
        assertTrue(plan.lines().findFirst().orElseThrow().contains("rows=" + PageRequest.MAX_LIMIT + " "),
                "the query answers one row per booking of the page:\n" + plan);
        assertFewRowsTouched(plan, PageRequest.MAX_LIMIT * (CROWD + ROWS_TOUCHED_PER_BOOKING_OF_A_PAGE));
    }

    @Test
    void a_crowded_booking_is_read_with_its_capped_conflicts_in_one_statement_off_the_index() throws SQLException {
        var crowded = crowdPage().getFirst();
        var query = captureOne(() -> new JooqBookingRepository(capturing).findWithConflicts(storeId, crowded.id()));
        var read = db.persistence().bookingReader().findWithConflicts(storeId, crowded.id()).orElseThrow();

        assertEquals(CROWD - 1, read.conflicts().count());
        assertTrue(read.conflicts().truncated());
        assertIndexOnly(explainInlined(query), true);
        assertIndexOnly(explainGeneric(query), true);
        assertFewRowsTouched(explainAnalyzed(query), CROWD + MAX_ROWS_TOUCHED);
    }

    @Test
    void paging_through_a_crowded_bookings_conflicts_reads_the_crowd_off_the_index_and_no_more() throws SQLException {
        var crowded = crowdPage().getFirst();
        var queries = captureAll(() -> new JooqConflictFinder(capturing)
                .conflictingBookings(storeId, crowded.scheduleEntry(), new PageRequest(PageRequest.MAX_LIMIT, 800)));

        for (var query : queries) {
            assertIndexOnly(explainInlined(query), true);
            assertIndexOnly(explainGeneric(query), false);
            assertFewRowsTouched(explainAnalyzed(query), CROWD + MAX_ROWS_TOUCHED);
        }
    }

    private static void assertFewRowsTouched(String plan) {
        assertFewRowsTouched(plan, MAX_ROWS_TOUCHED);
    }

    private static void assertFewRowsTouched(String plan, long max) {
        var rows = ROWS_OF_A_NODE.matcher(plan);
        while (rows.find()) {
            var touched = Long.parseLong(rows.group(1)) * Long.parseLong(rows.group(2));
            assertTrue(touched <= max, "a plan node produced " + touched + " rows in\n" + plan);
        }
        var removed = ROWS_REMOVED.matcher(plan);
        while (removed.find()) {
            assertTrue(Long.parseLong(removed.group(1)) <= max, "a plan node read and dropped too many rows in\n" + plan);
        }
    }

    /**
     * No scan of the whole booking table; with {@code byScheduledIndex}, the overlapping games come
     * off the GiST indexes of scheduled games, each scan of them narrowed to the store in the index
     * itself (a {@code bigint = integer} comparison would leave the store to a filter).
     */
    private static void assertIndexOnly(String plan, boolean byScheduledIndex) {
        assertFalse(SEQ_SCAN_ON_BOOKING.matcher(plan).find(), "no sequential scan of booking in\n" + plan);
        if (byScheduledIndex) {
            var scans = SCAN_OF_A_DURING_INDEX.matcher(plan);
            assertTrue(scans.find(), "served by the GiST indexes of scheduled games in\n" + plan);
            do {
                assertTrue(scans.group(1).startsWith("((store_id = "), "the index narrows to the store in\n" + plan);
            } while (scans.find());
        }
    }

    // --- capturing and explaining the real SQL ----------------------------------------------

    private static Query captureOne(Supplier<?> work) {
        captured.clear();
        work.get();
        assertEquals(1, captured.size(), "one statement: " + captured);
        return captured.get(0);
    }

    /** The page and its count. */
    private static List<Query> captureAll(Supplier<?> work) {
        captured.clear();
        work.get();
        assertEquals(2, captured.size(), "a page and its count: " + captured);
        return List.copyOf(captured);
    }

    private static String explainInlined(Query query) throws SQLException {
        return explain("EXPLAIN (FORMAT TEXT) " + db.persistence().dsl().renderInlined(query));
    }

    private static String explain(String explain) throws SQLException {
        try (var connection = db.database().connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(explain)) {
            return lines(rows);
        }
    }

    private static String explainAnalyzed(Query query) throws SQLException {
        return explain("EXPLAIN (ANALYZE, FORMAT TEXT) " + db.persistence().dsl().renderInlined(query));
    }

    /** PREPAREs the statement with {@code $n} parameters and explains the plan PostgreSQL would reuse for any values. */
    private static String explainGeneric(Query query) throws SQLException {
        var dsl = db.persistence().dsl();
        var params = query.getParams().values().stream().filter(param -> !param.isInline()).toList();
        var arguments = params.stream().map(dsl::renderInlined).collect(Collectors.joining(", "));
        try (var connection = db.database().connect(); var statement = connection.createStatement()) {
            statement.execute("PREPARE probe AS " + numberedParameters(dsl.render(query), params.size()));
            statement.execute("SET plan_cache_mode = force_generic_plan");
            try (var rows = statement.executeQuery("EXPLAIN (FORMAT TEXT) EXECUTE probe(" + arguments + ")")) {
                return lines(rows);
            }
        }
    }

    /** jOOQ marks every bind value {@code ?}, in order; PREPARE wants {@code $1, $2, ...}. */
    private static String numberedParameters(String sql, int count) {
        var parts = sql.split("\\?", -1);
        assertEquals(count + 1, parts.length, "one ? per bind value in " + sql);
        var numbered = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.length; i++) {
            numbered.append('$').append(i).append(parts[i]);
        }
        return numbered.toString();
    }

    private static String lines(ResultSet rows) throws SQLException {
        var plan = new StringBuilder();
        while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
        }
        return plan.toString();
    }

    // --- the history -------------------------------------------------------------------------

    /**
     * A store whose bookings follow each other every 30 minutes for four hours each, rotating over
     * its rooms, DMs and clients, so that no two share a room at the same time: the filler makes
     * volume, not conflicts. Everything goes in as a few INSERT ... SELECT statements.
     */
    private static StoreId fillStore(int bookings) {
        var store = db.newStore().id();
        var catalogue = db.persistence().catalogue();
        var rooms = IntStream.range(0, 9).mapToObj(i -> catalogue.insertRoom(store, "room " + i, 6, true)).map(Room::id).toList();
        var dms = IntStream.range(0, 9).mapToObj(i -> catalogue.insertDm(store, "dm " + i, true)).map(Dm::id).toList();
        var clients = IntStream.range(0, 50).mapToObj(i -> catalogue.insertClient(store, "client " + i, null)).map(Client::id).toList();
        Script script = catalogue.insertScript(store, "script", 240, List.of(new NewCharacter("detective", false)));
        var character = script.nonDmCharacterIds().iterator().next();
        var dsl = db.persistence().dsl();
        dsl.execute("""
                INSERT INTO booking (store_id, script_id, room_id, status, start_at, end_at)
                SELECT %d, %d, (%s)[1 + i %% %d],
                       CASE WHEN i <= %d THEN (CASE WHEN i %% 20 = 0 THEN 'cancelled' ELSE 'completed' END)
                            ELSE (CASE WHEN i %% 4 = 0 THEN 'incomplete' ELSE 'scheduled' END) END,
                       timestamptz '2021-01-01 02:00:00+00' + i * interval '30 minutes',
                       timestamptz '2021-01-01 06:00:00+00' + i * interval '30 minutes'
                FROM generate_series(1, %d) AS i""".formatted(
                store.value(), script.id().value(), array(rooms), rooms.size(), bookings - bookings / FUTURE_SHARE, bookings));
        dsl.execute("""
                INSERT INTO booking_client (store_id, booking_id, client_id)
                SELECT store_id, id, (%s)[1 + id %% %d] FROM booking WHERE store_id = %d""".formatted(array(clients), clients.size(), store.value()));
        dsl.execute("""
                INSERT INTO character_client_match (store_id, booking_id, character_id, client_id)
                SELECT store_id, booking_id, %d, client_id FROM booking_client WHERE store_id = %d""".formatted(character.value(), store.value()));
        dsl.execute("""
                INSERT INTO character_dm_match (store_id, booking_id, character_id, dm_id)
                SELECT b.store_id, b.id, NULL, (%s)[1 + (b.id - f.first) %% %d]
                FROM booking b, (SELECT min(id) AS first FROM booking WHERE store_id = %d) f
                WHERE b.store_id = %d""".formatted(array(dms), dms.size(), store.value(), store.value()));
        return store;
    }

    /**
     * {@value #CROWD} scheduled four-hour games starting together in the store's first room, each
     * with one of its DMs, so that every one conflicts with every other over the room.
     */
    private static void fillCrowd(StoreId store) {
        db.persistence().dsl().execute("""
                INSERT INTO booking (store_id, script_id, room_id, status, start_at, end_at)
                SELECT %d, (SELECT min(id) FROM script WHERE store_id = %d), (SELECT min(id) FROM room WHERE store_id = %d),
                       'scheduled', timestamptz '%s', timestamptz '%s' + interval '4 hours'
                FROM generate_series(1, %d)""".formatted(store.value(), store.value(), store.value(), CROWD_STARTS, CROWD_STARTS, CROWD));
        db.persistence().dsl().execute("""
                INSERT INTO character_dm_match (store_id, booking_id, character_id, dm_id)
                SELECT b.store_id, b.id, NULL, (SELECT array_agg(id ORDER BY id) FROM dm WHERE store_id = %d)[1 + b.id %% 9]
                FROM booking b WHERE b.store_id = %d AND b.start_at = timestamptz '%s'""".formatted(store.value(), store.value(), CROWD_STARTS));
    }

    /** The first page of the crowd, as the bookings list gives it. */
    private static List<Booking> crowdPage() {
        var filter = new BookingFilter(Set.of(BookingStatus.SCHEDULED), CROWD_STARTS, null, null, null, null);
        return db.persistence().bookings().list(storeId, filter, new PageRequest(PageRequest.MAX_LIMIT, 0)).items();
    }

    private static BookingId scheduledBookingInTheFuture() {
        return new BookingId(db.persistence().dsl().fetchSingle("""
                SELECT id FROM booking WHERE store_id = ? AND status = 'scheduled' ORDER BY start_at OFFSET 1000 LIMIT 1""",
                storeId.value()).get(0, Long.class));
    }

    private static String array(Collection<? extends EntityId> ids) {
        return ids.stream().map(id -> String.valueOf(id.value())).collect(Collectors.joining(",", "ARRAY[", "]::bigint[]"));
    }
}

package io.storescheduler.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V0002 moves the legacy booking facts into the match model. Each test fills its own database at
 * V0001 with seeded random data in several stores, reads every fact back, migrates, and checks the
 * facts row by row.
 */
class BookingMatchModelMigrationTest {

    private static final long SEED = 20_260_110L;
    private static final List<String> STATUSES = List.of("incomplete", "scheduled", "cancelled", "completed");
    private static final List<String> TIMEZONES = List.of("Asia/Shanghai", "Europe/Berlin", "America/New_York");
    private static final List<String> COUNTED_TABLES =
            List.of("store", "room", "script", "script_character", "client", "dm", "slot", "booking");
    private static final int BOOKINGS = 40;
    private static final Instant FIRST_SLOT = Instant.parse("2026-01-10T02:00:00Z");

    private static final String CHECK_VIOLATION = "23514";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    record Booking(long storeId, Long scriptId, Long roomId, Long slotId, String status, Instant startAt, Instant endAt) {}

    record PartyMember(long storeId, long bookingId, long clientId) {}

    /** A DM on a booking; the legacy assignment named no character, so there it is always null. */
    record DmOnBooking(long storeId, long bookingId, Long characterId, long dmId) {}

    record Snapshot(Map<Long, Booking> bookings, List<PartyMember> party, List<DmOnBooking> dms, Map<String, Long> counts) {}

    @Test
    void legacy_fixture_reads_back_as_inserted_and_covers_every_status_and_dm_shape_in_every_store() throws SQLException {
        try (var database = TestDatabase.createEmpty(); var connection = database.connect()) {
            migrate(database, "0001");
            Snapshot inserted = LegacyFixture.fill(connection, SEED);
            Snapshot legacy = readLegacy(connection);

            assertEquals(inserted, legacy);
            assertTrue(legacy.bookings().size() >= 36, "a few dozen bookings");
            assertTrue(legacy.counts().get("store") >= 2, "at least two stores");
            for (long store : storeIds(legacy)) {
                assertEquals(Set.copyOf(STATUSES), statusesOf(legacy, store), "statuses of store " + store);
                assertEquals(Set.of(0, 1, 2, 3), dmCountsOf(legacy, store), "DMs per booking in store " + store);
            }
            assertTrue(legacy.bookings().values().stream().anyMatch(booking -> booking.startAt() == null),
                    "an incomplete booking not yet placed");
        }
    }

    @Test
    void migration_keeps_every_booking_with_its_store_script_room_slot_status_and_times() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            assertEquals(legacy.bookings(), readBookings(connection));
        });
    }

    @Test
    void migration_puts_each_legacy_client_alone_in_the_party_of_its_booking() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            assertEquals(legacy.bookings().size(), legacy.party().size());
            assertEquals(legacy.party(), readMatchModel(connection).party());
            assertEquals(0, count(connection, "character_client_match"), "legacy data named no characters");
        });
    }

    @Test
    void migration_turns_each_legacy_dm_assignment_into_a_free_dm_match_of_the_same_store() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            assertTrue(legacy.dms().size() > 0, "the fixture has legacy DM assignments");
            assertEquals(legacy.dms(), readMatchModel(connection).dms());
        });
    }

    @Test
    void migration_keeps_the_row_count_of_every_catalogue_table() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            assertEquals(legacy.counts(), counts(connection));
        });
    }

    @Test
    void migration_drops_the_legacy_client_column_and_dm_assignment_table() throws SQLException {
        try (var database = TestDatabase.createEmpty(); var connection = database.connect()) {
            fillAtV0001(database, connection);
            assertEquals(1, bookingClientIdColumns(connection), "booking.client_id at V0001");
            assertEquals(1, dmAssignmentTables(connection), "booking_dm_assignment at V0001");

            migrate(database, "0002");

            assertEquals(0, bookingClientIdColumns(connection), "booking.client_id after V0002");
            assertEquals(0, dmAssignmentTables(connection), "booking_dm_assignment after V0002");
            assertNull(queryObject(connection, "SELECT to_regclass('booking_dm_assignment')::text"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scheduled", "cancelled", "completed"})
    void a_booking_past_incomplete_cannot_lack_its_script(String status) throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            long legacyBooking = firstBookingWith(legacy, status);
            long store = legacy.bookings().get(legacyBooking).storeId();
            long scriptless = insertReturningId(connection,
                    "INSERT INTO booking (store_id, status) VALUES (?, 'incomplete') RETURNING id", store);

            assertRefused(connection, CHECK_VIOLATION, "booking_state_check",
                    "INSERT INTO booking (store_id, status) VALUES (?, ?)", store, status);
            assertRefused(connection, CHECK_VIOLATION, "booking_state_check",
                    "UPDATE booking SET script_id = NULL WHERE id = ?", legacyBooking);
            assertRefused(connection, CHECK_VIOLATION, "booking_state_check",
                    "UPDATE booking SET status = ? WHERE id = ?", status, scriptless);

            Map<Long, Booking> bookings = readBookings(connection);
            assertEquals(legacy.bookings().size() + 1, bookings.size());
            assertEquals(legacy.bookings().get(legacyBooking), bookings.get(legacyBooking));
            assertEquals("incomplete", bookings.get(scriptless).status());
        });
    }

    @Test
    void an_incomplete_booking_may_lack_its_script_until_it_is_scheduled() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            long legacyIncomplete = firstBookingWith(legacy, "incomplete");
            Booking before = legacy.bookings().get(legacyIncomplete);

            long created = insertReturningId(connection,
                    "INSERT INTO booking (store_id, status) VALUES (?, 'incomplete') RETURNING id", before.storeId());
            assertEquals(1, execute(connection, "UPDATE booking SET script_id = NULL WHERE id = ?", legacyIncomplete));
            assertEquals(1, execute(connection, "UPDATE booking SET script_id = ?, status = 'scheduled' WHERE id = ?",
                    before.scriptId(), created));

            Map<Long, Booking> bookings = readBookings(connection);
            assertNull(bookings.get(legacyIncomplete).scriptId());
            assertEquals("incomplete", bookings.get(legacyIncomplete).status());
            assertEquals(before.scriptId(), bookings.get(created).scriptId());
            assertEquals("scheduled", bookings.get(created).status());
        });
    }

    @Test
    void a_booking_with_an_unknown_status_is_still_refused() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            long booking = firstBookingWith(legacy, "scheduled");

            assertRefused(connection, CHECK_VIOLATION, "booking_state_check",
                    "UPDATE booking SET status = 'pending' WHERE id = ?", booking);
            assertEquals(legacy.bookings(), readBookings(connection));
        });
    }

    @Test
    void a_party_client_of_another_store_is_refused() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            assertAnotherStoresRowRefused(connection, legacy, "incomplete", "client", "booking_client_client_fkey",
                    "INSERT INTO booking_client (store_id, booking_id, client_id) VALUES (?, ?, ?)");
            assertEquals(legacy.party(), readMatchModel(connection).party());
        });
    }

    @Test
    void a_free_dm_of_another_store_is_refused() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {
            assertAnotherStoresRowRefused(connection, legacy, "scheduled", "dm", "character_dm_match_dm_fkey",
                    "INSERT INTO character_dm_match (store_id, booking_id, dm_id) VALUES (?, ?, ?)");
            assertEquals(legacy.dms(), readMatchModel(connection).dms());
        });
    }

    @Test
    void the_newest_schema_applies_over_legacy_data_migrated_to_the_match_model() throws SQLException {
        overLegacyDataMigratedToV0002((database, connection, legacy) -> {

            MigrateResult newest = SchedulerMigrations.migrate(database.dataSource());

            assertTrue(newest.success);
            assertTrue(newest.migrationsExecuted > 0, "migrations after V0002 ran");
            assertEquals(legacy, readMatchModel(connection));
        });
    }

    @Test
    void the_newest_schema_applies_over_legacy_data_in_one_run() throws SQLException {
        try (var database = TestDatabase.createEmpty(); var connection = database.connect()) {
            Snapshot legacy = fillAtV0001(database, connection);

            MigrateResult newest = SchedulerMigrations.migrate(database.dataSource());

            assertTrue(newest.success);
            assertEquals("0001", newest.initialSchemaVersion);
            assertEquals(legacy, readMatchModel(connection));
        }
    }

    /** The scenario most tests share: a database filled at V0001 with legacy data, then migrated to V0002. */
    private static void overLegacyDataMigratedToV0002(LegacyScenario scenario) throws SQLException {
        try (var database = TestDatabase.createEmpty(); var connection = database.connect()) {
            Snapshot legacy = fillAtV0001(database, connection);
            migrate(database, "0002");
            scenario.run(database, connection, legacy);
        }
    }

    @FunctionalInterface
    private interface LegacyScenario {
        void run(TestDatabase database, Connection connection, Snapshot legacy) throws SQLException;
    }

    private static Snapshot fillAtV0001(TestDatabase database, Connection connection) throws SQLException {
        migrate(database, "0001");
        LegacyFixture.fill(connection, SEED);
        return readLegacy(connection);
    }

    private static void migrate(TestDatabase database, String version) {
        MigrateResult result = SchedulerMigrations.migrateTo(database.dataSource(), version);
        assertTrue(result.success, "migration to " + version);
        assertEquals(version, result.targetSchemaVersion);
    }

    // Reading the facts: the legacy schema and the match model hold them in different places.

    private static Snapshot readLegacy(Connection connection) throws SQLException {
        return new Snapshot(
                readBookings(connection),
                query(connection, "SELECT store_id, id, client_id FROM booking ORDER BY id",
                        row -> new PartyMember(row.getLong(1), row.getLong(2), row.getLong(3))),
                query(connection, "SELECT store_id, booking_id, dm_id FROM booking_dm_assignment ORDER BY booking_id, dm_id",
                        row -> new DmOnBooking(row.getLong(1), row.getLong(2), null, row.getLong(3))),
                counts(connection));
    }

    private static Snapshot readMatchModel(Connection connection) throws SQLException {
        return new Snapshot(
                readBookings(connection),
                query(connection, "SELECT store_id, booking_id, client_id FROM booking_client ORDER BY booking_id, client_id",
                        row -> new PartyMember(row.getLong(1), row.getLong(2), row.getLong(3))),
                query(connection, "SELECT store_id, booking_id, character_id, dm_id FROM character_dm_match"
                                + " ORDER BY booking_id, dm_id, id",
                        row -> new DmOnBooking(row.getLong(1), row.getLong(2), row.getObject(3, Long.class), row.getLong(4))),
                counts(connection));
    }

    private static Map<Long, Booking> readBookings(Connection connection) throws SQLException {
        var bookings = new TreeMap<Long, Booking>();
        for (var entry : query(connection,
                "SELECT id, store_id, script_id, room_id, slot_id, status, start_at, end_at FROM booking",
                row -> Map.entry(row.getLong("id"), new Booking(
                        row.getLong("store_id"),
                        row.getObject("script_id", Long.class),
                        row.getObject("room_id", Long.class),
                        row.getObject("slot_id", Long.class),
                        row.getString("status"),
                        instant(row, "start_at"),
                        instant(row, "end_at"))))) {
            bookings.put(entry.getKey(), entry.getValue());
        }
        return bookings;
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        var counts = new TreeMap<String, Long>();
        for (String table : COUNTED_TABLES) {
            counts.put(table, count(connection, table));
        }
        return counts;
    }

    private static long count(Connection connection, String table) throws SQLException {
        return queryLong(connection, "SELECT count(*) FROM " + table);
    }

    private static long bookingClientIdColumns(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT count(*) FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = 'booking' AND column_name = 'client_id'");
    }

    private static long dmAssignmentTables(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = 'booking_dm_assignment'");
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // Questions about the legacy facts.

    private static Set<Long> storeIds(Snapshot snapshot) {
        return snapshot.bookings().values().stream().map(Booking::storeId).collect(Collectors.toSet());
    }

    private static Set<String> statusesOf(Snapshot snapshot, long store) {
        return snapshot.bookings().values().stream()
                .filter(booking -> booking.storeId() == store)
                .map(Booking::status)
                .collect(Collectors.toSet());
    }

    private static Set<Integer> dmCountsOf(Snapshot snapshot, long store) {
        Map<Long, Long> dmsPerBooking = snapshot.dms().stream()
                .collect(Collectors.groupingBy(DmOnBooking::bookingId, Collectors.counting()));
        var counts = new HashSet<Integer>();
        snapshot.bookings().forEach((id, booking) -> {
            if (booking.storeId() == store) {
                counts.add(dmsPerBooking.getOrDefault(id, 0L).intValue());
            }
        });
        return counts;
    }

    private static long firstBookingWith(Snapshot snapshot, String status) {
        return snapshot.bookings().entrySet().stream()
                .filter(entry -> entry.getValue().status().equals(status))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    // Plain JDBC.

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * {@code insert} (store, booking, row) of the first {@code status} booking with a {@code table} row of another
     * store breaks {@code constraint}.
     */
    private static void assertAnotherStoresRowRefused(Connection connection, Snapshot legacy, String status, String table, String constraint,
            String insert) throws SQLException {
        long booking = firstBookingWith(legacy, status);
        long store = legacy.bookings().get(booking).storeId();
        long foreign = queryLong(connection, "SELECT min(id) FROM " + table + " WHERE store_id <> ?", store);

        assertRefused(connection, FOREIGN_KEY_VIOLATION, constraint, insert, store, booking, foreign);
    }

    private static void assertRefused(Connection connection, String sqlState, String constraint, String sql, Object... params) {
        SQLException refusal = assertThrows(SQLException.class, () -> execute(connection, sql, params), sql);
        assertEquals(sqlState, refusal.getSQLState(), refusal::getMessage);
        assertTrue(refusal.getMessage().contains(constraint), refusal::getMessage);
    }

    private static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
            var result = new ArrayList<T>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    private static Object queryObject(Connection connection, String sql, Object... params) throws SQLException {
        List<Object> values = query(connection, sql, row -> row.getObject(1), params);
        assertEquals(1, values.size(), sql);
        return values.get(0);
    }

    private static long queryLong(Connection connection, String sql, Object... params) throws SQLException {
        return ((Number) queryObject(connection, sql, params)).longValue();
    }

    private static long insertReturningId(Connection connection, String sql, Object... params) throws SQLException {
        return queryLong(connection, sql, params);
    }

    private static int execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * Legacy data as the stores ran it at V0001, from a seed, with ids the database generated. The
     * first bookings give every store every status and 0 to 3 DMs; the rest are random, and their
     * stores interleave so a migration that mixed stores up would show.
     */
    private static final class LegacyFixture {

        record Catalogue(long storeId, List<Long> rooms, Map<Long, Integer> scriptMinutes, List<Long> clients,
                List<Long> dms, Map<Long, Instant> slots) {}

        private final Connection connection;
        private final Random random;
        private final Map<Long, Booking> bookings = new TreeMap<>();
        private final List<PartyMember> party = new ArrayList<>();
        private final List<DmOnBooking> dms = new ArrayList<>();
        private final Map<String, Long> counts = new TreeMap<>();

        private LegacyFixture(Connection connection, long seed) {
            this.connection = connection;
            this.random = new Random(seed);
            COUNTED_TABLES.forEach(table -> counts.put(table, 0L));
        }

        static Snapshot fill(Connection connection, long seed) throws SQLException {
            var fixture = new LegacyFixture(connection, seed);
            var stores = new ArrayList<Catalogue>();
            for (int store = 0; store < TIMEZONES.size(); store++) {
                stores.add(fixture.catalogue(store));
            }
            fixture.bookings(stores);
            return new Snapshot(fixture.bookings, fixture.party, fixture.dms, fixture.counts);
        }

        private Catalogue catalogue(int index) throws SQLException {
            long store = add("store", "INSERT INTO store (name, timezone) VALUES (?, ?) RETURNING id",
                    "Store " + index, TIMEZONES.get(index));
            var rooms = new ArrayList<Long>();
            for (int room = 1, n = 2 + random.nextInt(3); room <= n; room++) {
                // Room names repeat across stores on purpose: they are unique per store only.
                rooms.add(add("room", "INSERT INTO room (store_id, name, capacity, active) VALUES (?, ?, ?, ?) RETURNING id",
                        store, "Room " + room, 2 + random.nextInt(8), room == 1 || random.nextInt(4) > 0));
            }
            var scripts = new TreeMap<Long, Integer>();
            for (int script = 1, n = 2 + random.nextInt(2); script <= n; script++) {
                int minutes = 120 + 30 * random.nextInt(9);
                long id = add("script", "INSERT INTO script (store_id, name, duration_minutes) VALUES (?, ?, ?) RETURNING id",
                        store, "Script " + index + "." + script, minutes);
                scripts.put(id, minutes);
                characters(store, id, 3 + random.nextInt(4), false);
                characters(store, id, random.nextInt(3), true);
            }
            var clients = new ArrayList<Long>();
            for (int client = 1, n = 6 + random.nextInt(5); client <= n; client++) {
                String phone = random.nextBoolean() ? "+86 138 %04d %04d".formatted(random.nextInt(10_000), random.nextInt(10_000)) : null;
                clients.add(add("client", "INSERT INTO client (store_id, name, phone) VALUES (?, ?, ?) RETURNING id",
                        store, "Client " + index + "." + client, phone));
            }
            var dmIds = new ArrayList<Long>();
            for (int dm = 1, n = 3 + random.nextInt(3); dm <= n; dm++) {
                dmIds.add(add("dm", "INSERT INTO dm (store_id, name, active) VALUES (?, ?, ?) RETURNING id",
                        store, "DM " + index + "." + dm, random.nextInt(5) > 0));
            }
            var slots = new TreeMap<Long, Instant>();
            for (int slot = 0, n = 6 + random.nextInt(4); slot < n; slot++) {
                Instant start = FIRST_SLOT.plus(Duration.ofHours(6L * slot + index));
                slots.put(add("slot", "INSERT INTO slot (store_id, start_at) VALUES (?, ?) RETURNING id", store, start), start);
            }
            return new Catalogue(store, rooms, scripts, clients, dmIds, slots);
        }

        private void characters(long store, long script, int count, boolean dm) throws SQLException {
            for (int character = 1; character <= count; character++) {
                add("script_character", "INSERT INTO script_character (store_id, script_id, name, is_dm) VALUES (?, ?, ?, ?) RETURNING id",
                        store, script, (dm ? "DM role " : "Role ") + character, dm);
            }
        }

        private void bookings(List<Catalogue> stores) throws SQLException {
            int planned = stores.size() * STATUSES.size();
            for (int i = 0; i < BOOKINGS; i++) {
                if (i < planned) {
                    booking(stores.get(i % stores.size()), STATUSES.get(i / stores.size()), i % 4, i % 2 == 0);
                } else {
                    booking(stores.get(random.nextInt(stores.size())), STATUSES.get(random.nextInt(STATUSES.size())),
                            random.nextInt(4), random.nextBoolean());
                }
            }
        }

        private void booking(Catalogue store, String status, int dmCount, boolean unplacedIfIncomplete) throws SQLException {
            boolean incomplete = status.equals("incomplete");
            boolean placed = !incomplete || !unplacedIfIncomplete;
            long client = pick(store.clients());
            long script = pick(List.copyOf(store.scriptMinutes().keySet()));
            Long slot = placed ? pick(List.copyOf(store.slots().keySet())) : null;
            Instant start = placed ? store.slots().get(slot) : null;
            Instant end = placed ? start.plus(Duration.ofMinutes(store.scriptMinutes().get(script))) : null;
            Long room = placed && (!incomplete || random.nextBoolean()) ? pick(store.rooms()) : null;
            long id = add("booking", "INSERT INTO booking (store_id, client_id, script_id, room_id, slot_id, status, start_at, end_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    store.storeId(), client, script, room, slot, status, start, end);
            bookings.put(id, new Booking(store.storeId(), script, room, slot, status, start, end));
            party.add(new PartyMember(store.storeId(), id, client));
            assignDms(store, id, dmCount);
        }

        private void assignDms(Catalogue store, long booking, int count) throws SQLException {
            var shuffled = new ArrayList<>(store.dms());
            Collections.shuffle(shuffled, random);
            for (long dm : shuffled.subList(0, count).stream().sorted().toList()) {
                execute(connection, "INSERT INTO booking_dm_assignment (store_id, booking_id, dm_id) VALUES (?, ?, ?)",
                        store.storeId(), booking, dm);
                dms.add(new DmOnBooking(store.storeId(), booking, null, dm));
            }
        }

        private long pick(List<Long> ids) {
            return ids.get(random.nextInt(ids.size()));
        }

        private long add(String table, String sql, Object... params) throws SQLException {
            long id = insertReturningId(connection, sql, params);
            counts.merge(table, 1L, Long::sum);
            return id;
        }
    }
}

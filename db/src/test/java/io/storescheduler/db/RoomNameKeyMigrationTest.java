package io.storescheduler.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.catalogue.NameKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * V0007: rooms filled at V0006 with look-alike names (which {@code lower(name)} let pass as
 * different rooms) keep every row; the oldest of each look-alike group keeps its name, the later ones
 * get {@code " (id)"}, and every key is the one {@link NameKey} computes.
 */
class RoomNameKeyMigrationTest {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String[] BASES = {"Room A", "Straße", "Café", "房间", "Blue", "Attic 2"};

    record Room(long id, long storeId, String name, int capacity, boolean active) {}

    @Test
    void every_room_is_kept_and_look_alikes_are_renamed_after_the_oldest() throws SQLException {
        try (var database = TestDatabase.createEmpty(); var connection = database.connect()) {
            SchedulerMigrations.migrateTo(database.dataSource(), "6");
            var legacy = fillWithLookAlikes(connection, new Random(20261201));
            assertTrue(legacy.size() > 40, "the fixture has look-alikes to rename: " + legacy.size());

            SchedulerMigrations.migrate(database.dataSource());

            var migrated = rooms(connection);
            assertEquals(legacy.keySet(), migrated.keySet(), "every room is kept");
            for (var group : lookAlikeGroups(legacy)) {
                var oldest = group.getFirst();
                assertEquals(oldest.name(), migrated.get(oldest.id()).name(), "the oldest keeps its name");
                for (var later : group.subList(1, group.size())) {
                    var now = migrated.get(later.id());
                    assertTrue(now.name().startsWith(later.name() + " (" + later.id() + ")"), now::toString);
                    assertEquals(new Room(later.id(), later.storeId(), now.name(), later.capacity(), later.active()), now);
                }
            }
            assertEveryKeyIsNameKeyAndUniquePerStore(connection);
        }
    }

    @Test
    void after_the_migration_a_look_alike_of_a_room_is_refused_in_its_store_only() throws SQLException {
        try (var database = TestDatabase.createMigrated(); var connection = database.connect()) {
            var store = store(connection, "Look-alike House");
            var other = store(connection, "Elsewhere");
            insertRoom(connection, store, "Room A");

            var refused = assertThrows(SQLException.class, () -> insertRoom(connection, store, "ＲＯＯＭ\u00A0a\u200B"));
            assertEquals(UNIQUE_VIOLATION, refused.getSQLState());
            assertTrue(refused.getMessage().contains("room_store_name_key_key"), refused::getMessage);
            insertRoom(connection, other, "ＲＯＯＭ\u00A0a\u200B");
        }
    }

    private static Map<Long, Room> fillWithLookAlikes(Connection connection, Random random) throws SQLException {
        var stores = List.of(store(connection, "North"), store(connection, "South"), store(connection, "East"));
        for (int i = 0; i < 200; i++) {
            var store = stores.get(random.nextInt(stores.size()));
            var name = lookAlike(BASES[random.nextInt(BASES.length)], random);
            try {
                insertRoom(connection, store, name);
            } catch (SQLException e) {
                // lower(name) of V0003 already refuses this one (a plain case variant): not a legacy row
                assertEquals(UNIQUE_VIOLATION, e.getSQLState(), e::getMessage);
            }
        }
        insertRoom(connection, stores.getFirst(), "");
        insertRoom(connection, stores.getFirst(), " ");
        insertRoom(connection, stores.getFirst(), "\u200B");
        return rooms(connection);
    }

    private static String lookAlike(String base, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> base;
            case 1 -> base + " ";
            case 2 -> " " + base.replace(' ', '\u00A0');
            case 3 -> base.substring(0, 1) + "\u200B" + base.substring(1);
            case 4 -> fullWidth(base);
            case 5 -> base.replace("é", "e\u0301").replace("ß", "SS").toUpperCase(java.util.Locale.ROOT) + "\uFEFF";
            case 6 -> base + "\u200D" + random.nextInt(3);
            case 7 -> base + " " + random.nextInt(3);
            default -> base.replace("ß", "ss");
        };
    }

    private static String fullWidth(String text) {
        var wide = new StringBuilder();
        text.codePoints().forEach(c -> wide.appendCodePoint(c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c));
        return wide.toString();
    }

    /** The legacy rooms that share a store and a key, oldest first, in the groups of more than one. */
    private static List<List<Room>> lookAlikeGroups(Map<Long, Room> legacy) {
        Map<String, List<Room>> groups = legacy.values().stream()
                .sorted(Comparator.comparingLong(Room::id))
                .collect(Collectors.groupingBy(room -> room.storeId() + "/" + NameKey.of(room.name()), LinkedHashMap::new, Collectors.toList()));
        var clashing = groups.values().stream().filter(group -> group.size() > 1).toList();
        assertTrue(clashing.size() >= 10, "the fixture has look-alike groups: " + clashing.size());
        return clashing;
    }

    private static void assertEveryKeyIsNameKeyAndUniquePerStore(Connection connection) throws SQLException {
        var seen = new HashMap<String, Long>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT id, store_id, name, name_key FROM room ORDER BY id")) {
            while (rows.next()) {
                var name = rows.getString("name");
                assertEquals(NameKey.of(name), rows.getString("name_key"), name);
                var previous = seen.put(rows.getLong("store_id") + "/" + rows.getString("name_key"), rows.getLong("id"));
                assertEquals(null, previous, name);
            }
        }
    }

    private static Map<Long, Room> rooms(Connection connection) throws SQLException {
        var rooms = new LinkedHashMap<Long, Room>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT id, store_id, name, capacity, active FROM room ORDER BY id")) {
            while (rows.next()) {
                rooms.put(rows.getLong(1), new Room(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getInt(4), rows.getBoolean(5)));
            }
        }
        return rooms;
    }

    private static long store(Connection connection, String name) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO store (name) VALUES (?) RETURNING id")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insertRoom(Connection connection, long storeId, String name) throws SQLException {
        var keyed = hasNameKeyColumn(connection);
        var insert = keyed ? "INSERT INTO room (store_id, name, name_key, capacity) VALUES (?, ?, ?, 4)"
                : "INSERT INTO room (store_id, name, capacity) VALUES (?, ?, 4)";
        try (var statement = connection.prepareStatement(insert)) {
            statement.setLong(1, storeId);
            statement.setString(2, name);
            if (keyed) {
                statement.setString(3, NameKey.of(name));
            }
            statement.executeUpdate();
        }
    }

    private static boolean hasNameKeyColumn(Connection connection) throws SQLException {
        try (var rows = connection.getMetaData().getColumns(null, null, "room", "name_key")) {
            return rows.next();
        }
    }
}

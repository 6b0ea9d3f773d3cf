package db.migration;

import io.storescheduler.domain.catalogue.NameKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Room names become unique per store by their {@link NameKey} (NFKC, invisible characters
 * removed, case folded, trimmed) instead of {@code lower(name)}: look-alikes such as
 * {@code "Room A"}, {@code "ROOM\u00A0A"} and {@code "Ｒｏｏｍ Ａ"} are one name. The key is computed
 * here in Java by the same function the service writes it with, so the database's key and the
 * service's can never disagree. Existing rooms that now clash are kept and renamed as {@code V0003}
 * did: the oldest (lowest id) keeps its name, each later one gets {@code " (id)"} appended (again,
 * should that too be taken). A legacy name with nothing visible keeps its empty key; a second such
 * name is renamed like any clash.
 *
 * <p>It also adds {@code quota_usage}, the count-and-lock of a store's quota in one round trip;
 * see {@link #QUOTA_USAGE}.
 */
public class V0007__room_name_keys_and_quota_usage extends BaseJavaMigration {

    /**
     * Locks one quota of one store until the transaction ends (a transaction-scoped advisory lock
     * of the two-key form, apart from the one-key store schedule lock), then counts what the store
     * holds of it, up to {@code p_up_to}. Bookings are counted in {@code [p_from, p_until)}, and
     * their lock is the day's. A function, so that the count runs after the lock is granted: in a
     * VOLATILE function each statement takes a snapshot of its own under READ COMMITTED, so the
     * count sees every row the lock's previous holder committed. Keys that collide (a hash, store
     * ids past 2^31) only make callers wait on each other, never miscount.
     */
    static final String QUOTA_USAGE = """
            CREATE FUNCTION quota_usage(p_quota text, p_store_id bigint, p_from timestamptz, p_until timestamptz, p_up_to integer)
            RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(
                    hashtext('quota ' || p_quota || coalesce(' ' || extract(epoch FROM p_from)::bigint, '')),
                    (p_store_id % 2147483648)::integer);
                IF p_quota = 'rooms' THEN
                    RETURN (SELECT count(*) FROM (SELECT FROM room WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
                ELSIF p_quota = 'scripts' THEN
                    RETURN (SELECT count(*) FROM (SELECT FROM script WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
                ELSIF p_quota = 'dms' THEN
                    RETURN (SELECT count(*) FROM (SELECT FROM dm WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
                ELSIF p_quota = 'clients' THEN
                    RETURN (SELECT count(*) FROM (SELECT FROM client WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
                ELSIF p_quota = 'bookings_per_day' THEN
                    RETURN (SELECT count(*) FROM (SELECT FROM booking
                            WHERE store_id = p_store_id AND start_at >= p_from AND start_at < p_until LIMIT p_up_to) AS counted);
                END IF;
                RAISE EXCEPTION 'no quota %', p_quota;
            END $$""";

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE room ADD COLUMN name_key text");
        }
        keyEveryRoom(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE room ALTER COLUMN name_key SET NOT NULL");
            statement.execute("DROP INDEX room_store_name_key");
            statement.execute("CREATE UNIQUE INDEX room_store_name_key_key ON room (store_id, name_key)");
            statement.execute(QUOTA_USAGE);
        }
    }

    private static void keyEveryRoom(Connection connection) throws SQLException {
        Map<Long, Set<String>> keysByStore = new HashMap<>();
        try (var rooms = connection.createStatement();
                var update = connection.prepareStatement("UPDATE room SET name = ?, name_key = ? WHERE id = ?")) {
            rooms.setFetchSize(1_000);
            try (var rows = rooms.executeQuery("SELECT id, store_id, name FROM room ORDER BY store_id, id")) {
                while (rows.next()) {
                    var id = rows.getLong(1);
                    var taken = keysByStore.computeIfAbsent(rows.getLong(2), store -> new HashSet<>());
                    var name = rows.getString(3);
                    while (taken.contains(NameKey.of(name))) {
                        name = name + " (" + id + ")";
                    }
                    var key = NameKey.of(name);
                    taken.add(key);
                    update.setString(1, name);
                    update.setString(2, key);
                    update.setLong(3, id);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}

package io.storescheduler.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the migrated schema lacks before it can be distributed by {@code store_id} on Citus, read
 * from {@code pg_catalog}; see {@code docs/scale-out.md}. It pins the gaps as they are, it does
 * not fix them: a migration that adds a table, or a key without {@code store_id}, or that closes a
 * gap, fails it until the plan and the lists here are brought up to date.
 */
class CitusReadinessTest {

    /** Distributed by store_id, all in one colocation group. */
    private static final Set<String> DISTRIBUTED = Set.of(
            "room", "script", "script_character", "client", "dm", "slot", "booking", "booking_client",
            "character_client_match", "character_dm_match", "idempotency_key", "store_schedule_lock", "store_quota_lock",
            "calendar_key", "store_event_cursor", "store_event", "webhook", "webhook_delivery");

    /** Distributed by its own key (an actor's id), in a colocation group of its own: it holds nothing of a store. */
    private static final Set<String> DISTRIBUTED_BY_KEY = Set.of("rate_limit_bucket");

    /** Copied to every node. */
    private static final Set<String> REFERENCE = Set.of("store", "actor", "actor_store");

    /** Left on the coordinator only. */
    private static final Set<String> COORDINATOR_ONLY = Set.of("flyway_schema_history");

    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.createMigrated();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void every_table_has_a_place_in_the_plan() throws SQLException {
        var planned = new TreeSet<String>();
        planned.addAll(DISTRIBUTED);
        planned.addAll(DISTRIBUTED_BY_KEY);
        planned.addAll(REFERENCE);
        planned.addAll(COORDINATOR_ONLY);

        assertEquals(planned, new TreeSet<>(strings("""
                SELECT relname FROM pg_class
                WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')""")));
    }

    @Test
    void every_distributed_table_has_a_non_null_store_id() throws SQLException {
        assertEquals(new TreeSet<>(DISTRIBUTED), new TreeSet<>(strings("""
                SELECT attrelid::regclass::text FROM pg_attribute
                WHERE attname = 'store_id' AND attnotnull AND NOT attisdropped
                  AND attrelid::regclass::text = ANY (?)""", DISTRIBUTED)));
    }

    @Test
    void the_unique_keys_of_distributed_tables_that_lack_store_id_are_the_known_ones() throws SQLException {
        assertEquals(List.of(
                "booking.booking_pkey (id)",
                "character_client_match.character_client_match_character_key (booking_id, character_id)",
                "character_client_match.character_client_match_client_key (booking_id, client_id)",
                "character_client_match.character_client_match_pkey (id)",
                "character_dm_match.character_dm_match_character_key (booking_id, character_id) WHERE (character_id IS NOT NULL)",
                "character_dm_match.character_dm_match_free_dm_key (booking_id, dm_id) WHERE (character_id IS NULL)",
                "character_dm_match.character_dm_match_pkey (id)",
                "client.client_pkey (id)",
                "dm.dm_pkey (id)",
                "room.room_pkey (id)",
                "script.script_pkey (id)",
                "script_character.script_character_pkey (id)",
                "slot.slot_pkey (id)"), strings("""
                SELECT i.indrelid::regclass::text || '.' || i.indexrelid::regclass::text || ' ('
                       || (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) || ')'
                       || coalesce(' WHERE ' || pg_get_expr(i.indpred, i.indrelid), '')
                FROM pg_index i
                WHERE i.indisunique AND i.indrelid::regclass::text = ANY (?)
                  AND NOT EXISTS (SELECT FROM pg_attribute a
                                  WHERE a.attrelid = i.indrelid AND a.attname = 'store_id' AND a.attnum = ANY (i.indkey))
                ORDER BY 1""", DISTRIBUTED));
    }

    /**
     * A foreign key between two distributed tables must pair their store_id columns; one from a
     * distributed table to a reference table may be anything; a reference table may reference
     * only reference tables.
     */
    @Test
    void every_foreign_key_already_fits_the_plan() throws SQLException {
        assertEquals(List.of(), strings("""
                SELECT c.conrelid::regclass::text || '.' || c.conname
                FROM pg_constraint c
                WHERE c.contype = 'f' AND CASE
                    WHEN c.conrelid::regclass::text = ANY (?) AND c.confrelid::regclass::text = ANY (?) THEN
                        NOT EXISTS (SELECT FROM unnest(c.conkey, c.confkey) AS k(col, refcol)
                                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
                                    JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = k.refcol
                                    WHERE a.attname = 'store_id' AND r.attname = 'store_id')
                    WHEN c.conrelid::regclass::text = ANY (?) THEN NOT c.confrelid::regclass::text = ANY (?)
                    ELSE false END
                ORDER BY 1""", DISTRIBUTED, DISTRIBUTED, REFERENCE, REFERENCE));
    }

    @Test
    void the_identity_columns_are_the_known_ones() throws SQLException {
        assertEquals(List.of(
                "actor.id", "booking.id", "character_client_match.id", "character_dm_match.id", "client.id", "dm.id",
                "room.id", "script.id", "script_character.id", "slot.id", "store.id", "store_event.id", "webhook.id"), strings("""
                SELECT attrelid::regclass::text || '.' || attname FROM pg_attribute
                WHERE attidentity <> '' AND attrelid::regclass::text NOT LIKE 'pg\\_%' ORDER BY 1"""));
    }

    @SafeVarargs
    private static List<String> strings(String sql, Set<String>... tableSets) throws SQLException {
        try (Connection connection = database.connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < tableSets.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf("text", tableSets[i].toArray()));
            }
            var found = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}

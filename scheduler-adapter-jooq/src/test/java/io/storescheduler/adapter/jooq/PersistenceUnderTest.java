package io.storescheduler.adapter.jooq;

import io.storescheduler.db.TestDatabase;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A freshly migrated database of one test class's own on the real PostgreSQL, with every port of
 * the adapter over it. Each test makes its own stores, so tests never see each other's rows.
 */
public final class PersistenceUnderTest implements AutoCloseable {

    private final TestDatabase database;
    private final JooqPersistence persistence;

    private PersistenceUnderTest(TestDatabase database) {
        this.database = database;
        this.persistence = new JooqPersistence(database.dataSource());
    }

    public static PersistenceUnderTest start() {
        return new PersistenceUnderTest(TestDatabase.createMigrated());
    }

    public JooqPersistence persistence() {
        return persistence;
    }

    public TestDatabase database() {
        return database;
    }

    public Store newStore() {
        return persistence.stores().insert("store " + UUID.randomUUID(), ZoneId.of("Asia/Shanghai"));
    }

    @Override
    public void close() {
        database.close();
    }
}

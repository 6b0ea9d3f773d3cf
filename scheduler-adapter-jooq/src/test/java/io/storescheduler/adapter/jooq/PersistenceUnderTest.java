package io.storescheduler.adapter.jooq;

import io.storescheduler.application.access.AccessPortsUnderTest;
import io.storescheduler.application.access.ActorRepository;
import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.booking.BookingPortsUnderTest;
import io.storescheduler.application.booking.BookingReader;
import io.storescheduler.application.booking.BookingRepository;
import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.application.booking.SlotRepository;
import io.storescheduler.application.calendar.CalendarPortsUnderTest;
import io.storescheduler.application.calendar.CalendarRepository;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.quota.QuotaLedger;
import io.storescheduler.application.quota.QuotaPortsUnderTest;
import io.storescheduler.application.shared.ScheduleLockPortsUnderTest;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.webhook.WebhookPortsUnderTest;
import io.storescheduler.application.webhook.WebhookRepository;
import io.storescheduler.db.TestDatabase;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A freshly migrated database of one test class's own on the real PostgreSQL, with every port of
 * the adapter over it. Each test makes its own stores, so tests never see each other's rows.
 * A class registers it once, and the database is made before the class's tests and dropped after
 * them: {@code @RegisterExtension static final PersistenceUnderTest db = PersistenceUnderTest.perClass();}
 * It serves the ports to the application's port contracts as they are wired in production.
 */
public final class PersistenceUnderTest implements BookingPortsUnderTest, AccessPortsUnderTest, CalendarPortsUnderTest, QuotaPortsUnderTest,
        WebhookPortsUnderTest, ScheduleLockPortsUnderTest, AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private TestDatabase database;
    private JooqPersistence persistence;

    private PersistenceUnderTest() {}

    /** A database for the test class that registers it as an extension. */
    public static PersistenceUnderTest perClass() {
        return new PersistenceUnderTest();
    }

    /** A database made now, for a test that needs one of its own; the caller closes it. */
    public static PersistenceUnderTest start() {
        return new PersistenceUnderTest().started();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private PersistenceUnderTest started() {
        database = TestDatabase.createMigrated();
        persistence = new JooqPersistence(database.dataSource());
        return this;
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
    public StoreId newStoreId() {
        return newStore().id();
    }

    @Override
    public Class<DataAccessException> integrityViolation() {
        return DataAccessException.class;
    }

    @Override
    public BookingRepository bookings() {
        return persistence.bookings();
    }

    @Override
    public SlotRepository slots() {
        return persistence.slots();
    }

    @Override
    public BookingReader reader() {
        return persistence.bookingReader();
    }

    @Override
    public ConflictFinder conflicts() {
        return persistence.conflicts();
    }

    @Override
    public CatalogueRepository catalogue() {
        return persistence.catalogue();
    }

    @Override
    public TransactionRunner transactions() {
        return persistence.transactions();
    }

    @Override
    public ActorRepository actors() {
        return persistence.actors();
    }

    @Override
    public StoreRepository stores() {
        return persistence.stores();
    }

    @Override
    public CalendarRepository calendars() {
        return persistence.calendars();
    }

    @Override
    public QuotaLedger quotas() {
        return persistence.quotas();
    }

    @Override
    public WebhookRepository webhooks() {
        return persistence.webhooks();
    }

    @Override
    public EventOutbox events() {
        return persistence.events();
    }

    @Override
    public StoreScheduleLock scheduleLock() {
        return persistence.scheduleLock();
    }

    /**
     * Returns once some session of this database waits for a lock of {@code lockType} (a
     * {@code pg_locks.locktype}: {@code advisory}, {@code transactionid}...), so a test knows another
     * thread is blocked instead of guessing with a sleep. Fails after {@code patience}: only a
     * safety net against hanging, never a measurement.
     */
    public void awaitSessionWaitingForLock(String lockType, Duration patience) {
        var sql = """
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE a.datname = current_database() AND l.locktype = ? AND NOT l.granted""";
        var deadline = System.nanoTime() + patience.toNanos();
        try (var connection = database.connect(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, lockType);
            while (System.nanoTime() < deadline) {
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no session of " + database.name() + " started waiting for a " + lockType + " lock");
    }

    @Override
    public void close() {
        database.close();
    }
}

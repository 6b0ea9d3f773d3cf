package io.storescheduler.adapter.jooq;

import io.storescheduler.adapter.jooq.access.JooqActorRepository;
import io.storescheduler.adapter.jooq.access.JooqStoreRepository;
import io.storescheduler.adapter.jooq.access.PgAccessChangeAnnouncer;
import io.storescheduler.adapter.jooq.booking.JooqBookingRepository;
import io.storescheduler.adapter.jooq.booking.JooqConflictFinder;
import io.storescheduler.adapter.jooq.booking.JooqStoreScheduleLock;
import io.storescheduler.adapter.jooq.calendar.JooqCalendarRepository;
import io.storescheduler.adapter.jooq.catalogue.JooqCatalogueRepository;
import io.storescheduler.adapter.jooq.event.JooqEventOutbox;
import io.storescheduler.adapter.jooq.idempotency.JooqIdempotencyStore;
import io.storescheduler.adapter.jooq.limits.JooqTokenBuckets;
import io.storescheduler.adapter.jooq.quota.JooqQuotaLedger;
import io.storescheduler.adapter.jooq.shared.JooqTransactionRunner;
import io.storescheduler.adapter.jooq.shared.Outages;
import io.storescheduler.adapter.jooq.shared.ThreadConnections;
import io.storescheduler.adapter.jooq.slot.JooqSlotRepository;
import io.storescheduler.adapter.jooq.webhook.JooqWebhookRepository;
import io.storescheduler.application.access.AccessChangeAnnouncer;
import io.storescheduler.application.access.ActorRepository;
import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.booking.BookingReader;
import io.storescheduler.application.booking.BookingRepository;
import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.application.booking.SlotRepository;
import io.storescheduler.application.calendar.CalendarRepository;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.idempotency.IdempotencyStore;
import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.application.limits.SharedTokenBuckets;
import io.storescheduler.application.quota.QuotaLedger;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.webhook.WebhookRepository;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/** Every out port of the application, implemented with jOOQ on one PostgreSQL data source. */
public final class JooqPersistence {

    private final ThreadConnections connections;
    private final DSLContext dsl;

    public JooqPersistence(DataSource dataSource) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // transactions of our own, not jOOQ's: see JooqTransactionRunner
        this.connections = new ThreadConnections(Outages.connections(dataSource));
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withExecuteLogging(false))
                .set(connections)
                .set(Outages.listener()));
    }

    public DSLContext dsl() {
        return dsl;
    }

    public TransactionRunner transactions() {
        return new JooqTransactionRunner(connections);
    }

    public StoreRepository stores() {
        return new JooqStoreRepository(dsl);
    }

    public ActorRepository actors() {
        return new JooqActorRepository(dsl);
    }

    public AccessChangeAnnouncer accessChanges() {
        return new PgAccessChangeAnnouncer(dsl);
    }

    public CatalogueRepository catalogue() {
        return new JooqCatalogueRepository(dsl);
    }

    public BookingRepository bookings() {
        return new JooqBookingRepository(dsl);
    }

    public BookingReader bookingReader() {
        return new JooqBookingRepository(dsl);
    }

    public QuotaLedger quotas() {
        return new JooqQuotaLedger(dsl);
    }

    /** Buckets of {@code policy} shared by every instance on this database. */
    public SharedTokenBuckets tokenBuckets(RatePolicy policy) {
        return new JooqTokenBuckets(dsl, policy);
    }

    public SlotRepository slots() {
        return new JooqSlotRepository(dsl);
    }

    public ConflictFinder conflicts() {
        return new JooqConflictFinder(dsl);
    }

    public StoreScheduleLock scheduleLock() {
        return new JooqStoreScheduleLock(dsl);
    }

    public CalendarRepository calendars() {
        return new JooqCalendarRepository(dsl);
    }

    public EventOutbox events() {
        return new JooqEventOutbox(dsl);
    }

    public WebhookRepository webhooks() {
        return new JooqWebhookRepository(dsl);
    }

    public IdempotencyStore idempotency() {
        return new JooqIdempotencyStore(dsl);
    }
}

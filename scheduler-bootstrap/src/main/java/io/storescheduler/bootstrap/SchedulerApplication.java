package io.storescheduler.bootstrap;

import io.javalin.Javalin;
import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.adapter.http.access.AccessRoutes;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.booking.BookingJson;
import io.storescheduler.adapter.http.calendar.CalendarRoutes;
import io.storescheduler.adapter.http.catalogue.CatalogueRoutes;
import io.storescheduler.adapter.http.limits.InMemoryRateLimiter;
import io.storescheduler.adapter.http.limits.RequestLimits;
import io.storescheduler.adapter.http.webhook.AddressPolicy;
import io.storescheduler.adapter.http.webhook.JdkWebhookSender;
import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.adapter.web.FrontDeskBoard;
import io.storescheduler.adapter.web.booking.BookingPanels;
import io.storescheduler.adapter.web.day.DayRoutes;
import io.storescheduler.adapter.web.shared.BoardGuard;
import io.storescheduler.adapter.web.signin.SignInRoutes;
import io.storescheduler.adapter.jooq.access.PgAccessChangeListener;
import io.storescheduler.application.access.AccessCache;
import io.storescheduler.application.access.AccessService;
import io.storescheduler.application.access.StoreService;
import io.storescheduler.application.availability.FindAvailabilityService;
import io.storescheduler.application.booking.BookingEvents;
import io.storescheduler.application.calendar.CalendarService;
import io.storescheduler.application.catalogue.CatalogueService;
import io.storescheduler.application.event.EventArrivals;
import io.storescheduler.application.event.EventFeedService;
import io.storescheduler.application.event.EventWaiters;
import io.storescheduler.application.idempotency.IdempotencyService;
import io.storescheduler.application.limits.LeasedRateLimiter;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.slot.SlotService;
import io.storescheduler.application.webhook.WebhookService;
import io.storescheduler.bootstrap.SchedulerConfig.RateLimits;
import io.storescheduler.db.SchedulerMigrations;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: the rings wired by hand around one data source, and the HTTP server. */
public final class SchedulerApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerApplication.class);

    /** The database keeps microseconds: a finer clock would answer a write with times a read of it does not give back. */
    private static final Clock MICROSECOND_CLOCK = Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));

    private final Javalin server;
    private final SchedulerApi.UseCases useCases;
    private final SchedulerMetrics metrics;
    private final PgAccessChangeListener accessChanges;
    private final ExpiredKeySweeper expiredKeys;
    private final WebhookWorker webhookWorker;

    private SchedulerApplication(Javalin server, SchedulerApi.UseCases useCases, SchedulerMetrics metrics,
            PgAccessChangeListener accessChanges, ExpiredKeySweeper expiredKeys, WebhookWorker webhookWorker) {
        this.server = server;
        this.useCases = useCases;
        this.metrics = metrics;
        this.accessChanges = accessChanges;
        this.expiredKeys = expiredKeys;
        this.webhookWorker = webhookWorker;
    }

    /**
     * Migrates the database, wires every use case and starts the server on {@code host:port} (0
     * picks a free port), with the default rate limits. {@code listening} gives the one connection
     * that hears the other instances' access changes: not the requests' pool, where it would hold a
     * connection for good.
     */
    public static SchedulerApplication start(DataSource dataSource, DataSource listening, BooleanSupplier databaseReachable,
            Optional<String> adminToken, String host, int port) {
        return start(dataSource, listening, databaseReachable, adminToken, host, port, new SchedulerMetrics());
    }

    /** Like the other {@code start}, metered into {@code metrics}, which the application closes when it stops. */
    public static SchedulerApplication start(DataSource dataSource, DataSource listening, BooleanSupplier databaseReachable,
            Optional<String> adminToken, String host, int port, SchedulerMetrics metrics) {
        return start(dataSource, listening, databaseReachable, adminToken, host, port, metrics, RateLimits.DEFAULTS);
    }

    /** Like the other {@code start}, with the rate limits {@code rateLimits}. */
    public static SchedulerApplication start(DataSource dataSource, DataSource listening, BooleanSupplier databaseReachable,
            Optional<String> adminToken, String host, int port, SchedulerMetrics metrics, RateLimits rateLimits) {
        return start(dataSource, listening, databaseReachable, adminToken, host, port, metrics, rateLimits, WebhookSettings.DEFAULTS);
    }

    /** Like the other {@code start}, delivering webhooks as {@code webhooks} says. */
    public static SchedulerApplication start(DataSource dataSource, DataSource listening, BooleanSupplier databaseReachable,
            Optional<String> adminToken, String host, int port, SchedulerMetrics metrics, RateLimits rateLimits,
            WebhookSettings webhooks) {
        LOG.info(describe(SchedulerMigrations.migrate(dataSource)));
        var persistence = new JooqPersistence(dataSource);
        var webhookService = webhookService(persistence, webhooks);
        var webhookWorker = WebhookWorker.start(webhookService, metrics::webhookDelivery, webhooks.workers());
        var accessCache = new AccessCache(MICROSECOND_CLOCK);
        var eventWaiters = eventWaiters();
        var accessChanges = PgAccessChangeListener.start(listening, accessCache, EventArrivals.all(eventWaiters, webhookWorker));
        watchBacklogs(metrics, persistence, webhooks.clock(), eventWaiters);
        var expiredKeys = ExpiredKeySweeper.start(idempotency(persistence, MICROSECOND_CLOCK), ExpiredKeySweeper.EVERY);
        try {
            var useCases = useCases(persistence, adminToken, MICROSECOND_CLOCK, metrics, accessCache, eventWaiters, webhookService);
            var limits = requestLimits(persistence, rateLimits);
            var api = new SchedulerApi(useCases, databaseReachable, metrics::record, metrics::scrape, limits);
            var board = new FrontDeskBoard(boardUseCases(useCases, limits), Clock.systemUTC(), FrontDeskBoard.DEFAULT_IDLE);
            return new SchedulerApplication(api.create(host, port, board::register).start(), useCases, metrics, accessChanges,
                    expiredKeys, webhookWorker);
        } catch (RuntimeException e) {
            webhookWorker.close();
            expiredKeys.close();
            accessChanges.close();
            throw e;
        }
    }

    private static void watchBacklogs(SchedulerMetrics metrics, JooqPersistence persistence, Clock webhookClock,
            EventWaiters eventWaiters) {
        metrics.watchOutboxLag(() -> persistence.webhooks().oldestOwedAgeSeconds(webhookClock.instant()));
        metrics.watchWaitingReaders(eventWaiters::waiting);
    }

    private static IdempotencyService idempotency(JooqPersistence persistence, Clock clock) {
        return new IdempotencyService(persistence.idempotency(), persistence.transactions(), clock);
    }

    private static WebhookService webhookService(JooqPersistence persistence, WebhookSettings settings) {
        var targets = new AddressPolicy(settings.allowPrivate());
        return new WebhookService(persistence.webhooks(), targets, new JdkWebhookSender(targets, settings.clock()),
                persistence.scheduleLock(), persistence.transactions(), settings.clock(), new SplittableRandom());
    }

    /** One line for what migrating did, in place of Flyway's line for each migration, which grows with the history. */
    static String describe(MigrateResult migrated) {
        if (migrated.migrationsExecuted == 0) {
            return "Database schema at version " + migrated.initialSchemaVersion + ", up to date";
        }
        var from = migrated.initialSchemaVersion == null ? "an empty database" : "version " + migrated.initialSchemaVersion;
        return "Database schema migrated from " + from + " to version " + migrated.targetSchemaVersion
                + " (" + migrated.migrationsExecuted + " migrations)";
    }

    /**
     * An actor's bucket lives in the database, shared by every instance, which takes its tokens in
     * leases: one round trip per lease, not per request (LeasedRateLimiter). An address's bucket of failed authentications stays in this instance's memory: it
     * is what keeps a flood of made-up tokens from costing any query, which a shared one would
     * cost at each of them; behind N instances an address may so fail N times as often.
     */
    private static RequestLimits requestLimits(JooqPersistence persistence, RateLimits rateLimits) {
        return new RequestLimits(new LeasedRateLimiter(persistence.tokenBuckets(rateLimits.perActor())),
                new InMemoryRateLimiter(rateLimits.failedAuthentication()));
    }

    /** The day board's use cases: the API's own, and its rate limits, so a desk's pages count against its token as its calls do. */
    static FrontDeskBoard.UseCases boardUseCases(SchedulerApi.UseCases api, RequestLimits limits) {
        var catalogue = api.catalogue();
        var bookings = api.bookings();
        return new FrontDeskBoard.UseCases(
                new BoardGuard.Access(api.guard().authenticate(), api.guard().authorize(), limits.perActor()),
                new SignInRoutes.UseCases(api.guard().authenticate(), api.access().listStores(), limits.failedAuthentication(),
                        limits.perActor()),
                new DayRoutes.UseCases(catalogue.rooms(), catalogue.scripts(), catalogue.dms(), api.listBookings()),
                new BookingPanels.UseCases(bookings.get(), catalogue.scripts(), catalogue.clients(), catalogue.rooms(), catalogue.dms()));
    }

    static SchedulerApi.UseCases useCases(JooqPersistence persistence, Optional<String> adminToken, Clock clock,
            SchedulerMetrics metrics) {
        return useCases(persistence, adminToken, clock, metrics, new AccessCache(clock), eventWaiters(),
                webhookService(persistence, WebhookSettings.DEFAULTS));
    }

    /**
     * The readers of the event feed one instance holds waiting at most: a store's readers cannot
     * take them all. A waiting reader holds no thread and no connection, only its request's memory.
     */
    private static EventWaiters eventWaiters() {
        return new EventWaiters(50, 2_000);
    }

    private static SchedulerApi.UseCases useCases(JooqPersistence persistence, Optional<String> adminToken, Clock clock,
            SchedulerMetrics metrics, AccessCache accessCache, EventWaiters eventWaiters, WebhookService webhooks) {
        var transactions = persistence.transactions();
        var access = new AccessService(persistence.actors(), persistence.stores(), adminToken, accessCache);
        var stores = new StoreService(persistence.stores(), persistence.actors(), transactions, accessCache,
                persistence.accessChanges());
        var quotas = new StoreQuotas(persistence.quotas(), StoreQuotas.StoreZones.of(persistence.stores()), clock);
        var catalogue = new CatalogueService(persistence.catalogue(), transactions, quotas, persistence.scheduleLock());
        var bookings = new BookingWiring(persistence, clock, quotas,
                new BookingEvents(persistence.events(), new BookingJson(), storeId -> persistence.stores().find(storeId).map(Store::timezone), clock));
        var calendars = new CalendarService(persistence.calendars(), persistence.stores()::find, transactions, clock);
        return new SchedulerApi.UseCases(
                new Guard.UseCases(access, access, idempotency(persistence, clock)),
                new AccessRoutes.UseCases(stores, stores, stores, stores, stores, stores),
                new CatalogueRoutes.UseCases(catalogue, catalogue, catalogue, catalogue),
                bookings.bookings(metrics), bookings.list(), bookings.party(),
                new SlotService(persistence.slots(), persistence.scheduleLock(), transactions, clock),
                new CalendarRoutes.UseCases(calendars, calendars),
                new EventFeedService(persistence.events(), eventWaiters, Executors.newVirtualThreadPerTaskExecutor()),
                webhooks,
                new FindAvailabilityService(persistence.catalogue(), persistence.conflicts(), transactions));
    }

    public int port() {
        return server.port();
    }

    /** The wired use cases, for work at start-up that goes through them, such as loading the demo store. */
    SchedulerApi.UseCases useCases() {
        return useCases;
    }

    /** Every HTTP route the server answers, as {@code "GET /api/v1/stores"}: what the OpenAPI document must describe. */
    public List<String> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .sorted()
                .toList();
    }

    /**
     * Stops gracefully: no new connections, the requests in flight finish (bounded by
     * {@link SchedulerApi#SHUTDOWN_GRACE}), then the expired-key sweeper stops and the access-change
     * listener closes its connection.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            webhookWorker.close();
            expiredKeys.close();
            accessChanges.close();
            metrics.close();
        }
    }
}

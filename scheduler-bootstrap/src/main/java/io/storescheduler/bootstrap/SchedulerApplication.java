package io.storescheduler.bootstrap;

import io.javalin.Javalin;
import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.adapter.http.booking.BookingRoutes;
import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.application.access.AccessService;
import io.storescheduler.application.access.StoreService;
import io.storescheduler.application.booking.AddBookingClientService;
import io.storescheduler.application.booking.AddCharacterClientMatchService;
import io.storescheduler.application.booking.AddCharacterDmMatchService;
import io.storescheduler.application.booking.ConfirmBookingService;
import io.storescheduler.application.booking.CreateIncompleteBookingService;
import io.storescheduler.application.booking.GetBookingService;
import io.storescheduler.application.booking.PatchBookingService;
import io.storescheduler.application.catalogue.CatalogueService;
import io.storescheduler.db.SchedulerMigrations;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** The running service: the rings wired by hand around one data source, and the HTTP server. */
public final class SchedulerApplication implements AutoCloseable {

    private final Javalin server;

    private SchedulerApplication(Javalin server) {
        this.server = server;
    }

    /** Migrates the database, wires every use case and starts the server on {@code host:port} (0 picks a free port). */
    public static SchedulerApplication start(DataSource dataSource, BooleanSupplier databaseReachable,
            Optional<String> adminToken, String host, int port) {
        SchedulerMigrations.migrate(dataSource);
        var api = new SchedulerApi(useCases(new JooqPersistence(dataSource), adminToken, Clock.systemUTC()), databaseReachable);
        return new SchedulerApplication(api.create(host, port).start());
    }

    static SchedulerApi.UseCases useCases(JooqPersistence persistence, Optional<String> adminToken, Clock clock) {
        var transactions = persistence.transactions();
        var bookings = persistence.bookings();
        var catalogue = persistence.catalogue();
        var conflicts = persistence.conflicts();
        var slots = persistence.slots();
        var lock = persistence.scheduleLock();
        var access = new AccessService(persistence.actors(), persistence.stores(), adminToken);
        var stores = new StoreService(persistence.stores(), persistence.actors(), transactions);
        var catalogueService = new CatalogueService(catalogue, transactions);
        var bookingUseCases = new BookingRoutes.UseCases(
                new CreateIncompleteBookingService(bookings, catalogue, conflicts, transactions, clock),
                new GetBookingService(bookings, conflicts, transactions),
                new PatchBookingService(bookings, slots, catalogue, conflicts, lock, transactions, clock),
                new AddBookingClientService(bookings, catalogue, conflicts, transactions, clock),
                new AddCharacterClientMatchService(bookings, catalogue, conflicts, transactions, clock),
                new AddCharacterDmMatchService(bookings, catalogue, conflicts, lock, transactions, clock),
                new ConfirmBookingService(bookings, slots, catalogue, conflicts, lock, transactions, clock));
        return new SchedulerApi.UseCases(access, access, stores, stores, stores,
                catalogueService, catalogueService, catalogueService, catalogueService, bookingUseCases);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}

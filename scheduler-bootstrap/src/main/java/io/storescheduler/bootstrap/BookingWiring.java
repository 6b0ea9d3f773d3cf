package io.storescheduler.bootstrap;

import io.storescheduler.adapter.http.booking.BookingRoutes;
import io.storescheduler.adapter.http.booking.PartyRoutes;
import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.application.booking.AddBookingClientService;
import io.storescheduler.application.booking.AddCharacterClientMatchService;
import io.storescheduler.application.booking.AddCharacterDmMatchService;
import io.storescheduler.application.booking.BookingEdits;
import io.storescheduler.application.booking.BookingEvents;
import io.storescheduler.application.booking.BookingReferences;
import io.storescheduler.application.booking.BookingStatusChanges;
import io.storescheduler.application.booking.BookingViews;
import io.storescheduler.application.booking.CancelBookingService;
import io.storescheduler.application.booking.ClientMatchRules;
import io.storescheduler.application.booking.CompleteBookingService;
import io.storescheduler.application.booking.ConfirmBookingService;
import io.storescheduler.application.booking.CreateIncompleteBookingService;
import io.storescheduler.application.booking.DmMatchRules;
import io.storescheduler.application.booking.GetBookingService;
import io.storescheduler.application.booking.ListBookingConflictsService;
import io.storescheduler.application.booking.ListBookingsService;
import io.storescheduler.application.booking.ListCharacterMatchesService;
import io.storescheduler.application.booking.PatchBookingService;
import io.storescheduler.application.booking.PatchCharacterClientMatchService;
import io.storescheduler.application.booking.PatchCharacterDmMatchService;
import io.storescheduler.application.booking.RemoveBookingClientService;
import io.storescheduler.application.booking.RemoveCharacterClientMatchService;
import io.storescheduler.application.booking.RemoveCharacterDmMatchService;
import io.storescheduler.application.quota.StoreQuotas;
import java.time.Clock;

/**
 * The booking services, each wired on the ports it uses, grouped as the booking and party routes
 * take them. The helpers several services share (reading bookings back, resolving the ids a
 * request names, the match rules, the edit and status-change disciplines) are built once here.
 */
final class BookingWiring {

    private final JooqPersistence persistence;
    private final Clock clock;
    private final StoreQuotas quotas;
    private final BookingEvents events;
    private final BookingViews views;
    private final BookingReferences references;
    private final BookingEdits edits;
    private final BookingStatusChanges statusChanges;
    private final ClientMatchRules clientMatchRules;
    private final DmMatchRules dmMatchRules;

    BookingWiring(JooqPersistence persistence, Clock clock, StoreQuotas quotas, BookingEvents events) {
        this.persistence = persistence;
        this.clock = clock;
        this.quotas = quotas;
        this.events = events;
        this.views = new BookingViews(persistence.bookings(), persistence.conflicts());
        this.references = new BookingReferences(persistence.catalogue());
        this.edits = new BookingEdits(persistence.bookings(), views, persistence.scheduleLock(), persistence.transactions(),
                clock, events);
        this.statusChanges = new BookingStatusChanges(edits);
        this.clientMatchRules = new ClientMatchRules(references);
        this.dmMatchRules = new DmMatchRules(references);
    }

    /** The booking routes' use cases, confirmations counted into {@code metrics}. */
    BookingRoutes.UseCases bookings(SchedulerMetrics metrics) {
        var bookings = persistence.bookings();
        return new BookingRoutes.UseCases(
                new CreateIncompleteBookingService(bookings, references, views, persistence.transactions(), clock, quotas, events),
                new GetBookingService(persistence.bookingReader()),
                new PatchBookingService(bookings, persistence.slots(), references, views, persistence.scheduleLock(),
                        persistence.transactions(), clock, quotas, events),
                new AddBookingClientService(bookings, references, edits),
                new AddCharacterClientMatchService(bookings, clientMatchRules, edits),
                new AddCharacterDmMatchService(bookings, dmMatchRules, edits),
                metrics.counted(new ConfirmBookingService(bookings, persistence.slots(), persistence.catalogue(),
                        persistence.conflicts(), views, persistence.scheduleLock(), persistence.transactions(), clock, events)),
                new CancelBookingService(statusChanges),
                new CompleteBookingService(statusChanges),
                new ListBookingConflictsService(bookings, persistence.conflicts(), persistence.transactions()));
    }

    /** The list of a store's bookings, each with its conflicts. */
    ListBookingsService list() {
        return new ListBookingsService(persistence.bookings(), views, persistence.transactions());
    }

    /** The party routes' use cases: who plays, and which character each guest and DM takes. */
    PartyRoutes.UseCases party() {
        var bookings = persistence.bookings();
        return new PartyRoutes.UseCases(
                new RemoveBookingClientService(bookings, edits),
                new ListCharacterMatchesService(bookings),
                new PatchCharacterClientMatchService(bookings, clientMatchRules, edits),
                new RemoveCharacterClientMatchService(bookings, edits),
                new PatchCharacterDmMatchService(bookings, dmMatchRules, edits),
                new RemoveCharacterDmMatchService(bookings, edits));
    }
}

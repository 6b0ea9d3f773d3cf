package io.storescheduler.bootstrap;

import io.storescheduler.adapter.http.booking.BookingRoutes;
import io.storescheduler.adapter.http.booking.PartyRoutes;
import io.storescheduler.application.booking.AddBookingClientService;
import io.storescheduler.application.booking.AddCharacterClientMatchService;
import io.storescheduler.application.booking.AddCharacterDmMatchService;
import io.storescheduler.application.booking.BookingPorts;
import io.storescheduler.application.booking.CancelBookingService;
import io.storescheduler.application.booking.CompleteBookingService;
import io.storescheduler.application.booking.ConfirmBookingService;
import io.storescheduler.application.booking.CreateIncompleteBookingService;
import io.storescheduler.application.booking.GetBookingService;
import io.storescheduler.application.booking.ListBookingConflictsService;
import io.storescheduler.application.booking.ListCharacterMatchesService;
import io.storescheduler.application.booking.PatchBookingService;
import io.storescheduler.application.booking.PatchCharacterClientMatchService;
import io.storescheduler.application.booking.PatchCharacterDmMatchService;
import io.storescheduler.application.booking.RemoveBookingClientService;
import io.storescheduler.application.booking.RemoveCharacterClientMatchService;
import io.storescheduler.application.booking.RemoveCharacterDmMatchService;

/** The booking services wired on the ports they share, grouped as the booking and party routes take them. */
final class BookingWiring {

    private BookingWiring() {
    }

    /** The booking routes' use cases, confirmations counted into {@code metrics}. */
    static BookingRoutes.UseCases bookings(BookingPorts ports, SchedulerMetrics metrics) {
        return new BookingRoutes.UseCases(
                new CreateIncompleteBookingService(ports),
                new GetBookingService(ports),
                new PatchBookingService(ports),
                new AddBookingClientService(ports),
                new AddCharacterClientMatchService(ports),
                new AddCharacterDmMatchService(ports),
                metrics.counted(new ConfirmBookingService(ports)),
                new CancelBookingService(ports),
                new CompleteBookingService(ports),
                new ListBookingConflictsService(ports));
    }

    /** The party routes' use cases: who plays, and which character each guest and DM takes. */
    static PartyRoutes.UseCases party(BookingPorts ports) {
        return new PartyRoutes.UseCases(
                new RemoveBookingClientService(ports),
                new ListCharacterMatchesService(ports),
                new PatchCharacterClientMatchService(ports),
                new RemoveCharacterClientMatchService(ports),
                new PatchCharacterDmMatchService(ports),
                new RemoveCharacterDmMatchService(ports));
    }
}

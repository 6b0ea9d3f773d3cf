package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;

/**
 * The booking services wired on one set of ports, each given the ports it uses, as bootstrap wires
 * them on the real ones; the helpers they share are built from the same ports.
 */
record BookingServices(
        BookingRepository bookings,
        BookingReader reader,
        SlotRepository slots,
        CatalogueRepository catalogue,
        ConflictFinder conflicts,
        StoreScheduleLock scheduleLock,
        TransactionRunner transactions,
        Clock clock,
        StoreQuotas quotas,
        BookingEvents events) {

    CreateIncompleteBookingService create() {
        return new CreateIncompleteBookingService(bookings, references(), views(), transactions, clock, quotas, events);
    }

    GetBookingService get() {
        return new GetBookingService(reader);
    }

    ListBookingsService list() {
        return new ListBookingsService(bookings, views(), transactions);
    }

    ListBookingConflictsService conflictsOf() {
        return new ListBookingConflictsService(bookings, conflicts, transactions);
    }

    PatchBookingService patch() {
        return new PatchBookingService(bookings, slots, references(), views(), scheduleLock, transactions, clock, quotas, events);
    }

    ConfirmBookingService confirm() {
        return new ConfirmBookingService(bookings, slots, catalogue, conflicts, views(), scheduleLock, transactions, clock, events);
    }

    CancelBookingService cancel() {
        return new CancelBookingService(statusChanges());
    }

    CompleteBookingService complete() {
        return new CompleteBookingService(statusChanges());
    }

    AddBookingClientService addClient() {
        return new AddBookingClientService(bookings, references(), edits());
    }

    RemoveBookingClientService removeClient() {
        return new RemoveBookingClientService(bookings, edits());
    }

    AddCharacterClientMatchService addClientMatch() {
        return new AddCharacterClientMatchService(bookings, new ClientMatchRules(references()), edits());
    }

    PatchCharacterClientMatchService patchClientMatch() {
        return new PatchCharacterClientMatchService(bookings, new ClientMatchRules(references()), edits());
    }

    RemoveCharacterClientMatchService removeClientMatch() {
        return new RemoveCharacterClientMatchService(bookings, edits());
    }

    AddCharacterDmMatchService addDmMatch() {
        return new AddCharacterDmMatchService(bookings, new DmMatchRules(references()), edits());
    }

    PatchCharacterDmMatchService patchDmMatch() {
        return new PatchCharacterDmMatchService(bookings, new DmMatchRules(references()), edits());
    }

    RemoveCharacterDmMatchService removeDmMatch() {
        return new RemoveCharacterDmMatchService(bookings, edits());
    }

    private BookingViews views() {
        return new BookingViews(bookings, conflicts);
    }

    private BookingReferences references() {
        return new BookingReferences(catalogue);
    }

    private BookingEdits edits() {
        return new BookingEdits(bookings, views(), scheduleLock, transactions, clock, events);
    }

    private BookingStatusChanges statusChanges() {
        return new BookingStatusChanges(edits());
    }
}

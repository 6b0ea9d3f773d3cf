package io.storescheduler.application.booking;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The booking services' out ports as in-memory fakes sharing one event log, wired as bootstrap
 * wires the real ones. {@link #state()} is everything a booking use case may write, as a value, so
 * a test can say a refused change left nothing behind.
 */
final class InMemoryBookingPorts {

    /** What the bookings and slots hold at one moment. */
    record State(InMemoryBookingRepository.Rows bookings, InMemorySlotRepository.Slots slots) {}

    private final EventLog events = new EventLog();
    private final InMemoryBookingRepository bookings = new InMemoryBookingRepository(events);
    private final InMemorySlotRepository slots = new InMemorySlotRepository();
    private final InMemoryCatalogue catalogue = new InMemoryCatalogue();
    private final RuleConflictFinder conflicts = new RuleConflictFinder(bookings);
    private final BookingReader reader = (storeId, bookingId) ->
            bookings.find(storeId, bookingId).map(new BookingViews(bookings, conflicts)::view);
    private final SnapshotTransactionRunner transactions = new SnapshotTransactionRunner(events, List.of(bookings, slots));
    private final RecordingScheduleLock scheduleLock = new RecordingScheduleLock(events, transactions);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(events);

    /** The services on these ports, reading the time from {@code clock}; services of one instance share their data whatever the clock. */
    BookingServices services(Clock clock) {
        return new BookingServices(bookings, reader, slots, catalogue, conflicts, scheduleLock, transactions, clock, UnlimitedQuotas.quotas(),
                new BookingEvents(outbox, (view, zone) -> "{\"id\":" + view.booking().id() + "}", storeId -> Optional.of(ZoneOffset.UTC), clock));
    }

    State state() {
        return new State(bookings.snapshot(), slots.snapshot());
    }

    EventLog events() {
        return events;
    }

    InMemoryBookingRepository bookings() {
        return bookings;
    }

    InMemorySlotRepository slots() {
        return slots;
    }

    InMemoryCatalogue catalogue() {
        return catalogue;
    }

    InMemoryEventOutbox outbox() {
        return outbox;
    }

    RuleConflictFinder conflicts() {
        return conflicts;
    }
}

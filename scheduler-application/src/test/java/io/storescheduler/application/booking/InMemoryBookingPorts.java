package io.storescheduler.application.booking;

import io.storescheduler.application.shared.ScheduleLockPortsUnderTest;
import io.storescheduler.domain.id.StoreId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The booking services' out ports as in-memory fakes sharing one event log, wired as bootstrap
 * wires the real ones. {@link #state()} is everything a booking use case may write, as a value, so
 * a test can say a refused change left nothing behind.
 */
final class InMemoryBookingPorts implements BookingPortsUnderTest, ScheduleLockPortsUnderTest {

    /** What the bookings and slots hold at one moment. */
    record State(InMemoryBookingRepository.Rows bookings, InMemorySlotRepository.Slots slots) {}

    private final EventLog events = new EventLog();
    private final InMemoryBookingRepository bookings = new InMemoryBookingRepository(events);
    private final InMemorySlotRepository slots = new InMemorySlotRepository(bookings);
    private final InMemoryCatalogue catalogue = new InMemoryCatalogue();
    private final RuleConflictFinder conflicts = new RuleConflictFinder(bookings, catalogue);
    private final BookingReader reader = (storeId, bookingId) ->
            bookings.find(storeId, bookingId).map(new BookingViews(bookings, conflicts)::view);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(events);
    private final SnapshotTransactionRunner transactions = new SnapshotTransactionRunner(events, List.of(bookings, slots, outbox));
    private final RecordingScheduleLock scheduleLock = new RecordingScheduleLock(events, transactions);
    private long lastStoreId;

    /** The services on these ports, reading the time from {@code clock}; services of one instance share their data whatever the clock. */
    BookingServices services(Clock clock) {
        return new BookingServices(bookings, reader, slots, catalogue, conflicts, scheduleLock, transactions, clock, UnlimitedQuotas.quotas(),
                new BookingEvents(outbox, (view, zone) -> "{\"id\":" + view.booking().id() + "}", storeId -> Optional.of(ZoneOffset.UTC), clock));
    }

    State state() {
        return new State(bookings.snapshot(), slots.snapshot());
    }

    @Override
    public RecordingScheduleLock scheduleLock() {
        return scheduleLock;
    }

    EventLog events() {
        return events;
    }

    @Override
    public InMemoryBookingRepository bookings() {
        return bookings;
    }

    @Override
    public InMemorySlotRepository slots() {
        return slots;
    }

    @Override
    public InMemoryCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public SnapshotTransactionRunner transactions() {
        return transactions;
    }

    @Override
    public Class<IllegalStateException> integrityViolation() {
        return IllegalStateException.class;
    }

    /** Stores are only ids to the fakes; a test's fixed store ids are far below these. */
    @Override
    public StoreId newStoreId() {
        return new StoreId(1_000_000 + ++lastStoreId);
    }

    InMemoryEventOutbox outbox() {
        return outbox;
    }

    @Override
    public BookingReader reader() {
        return reader;
    }

    @Override
    public RuleConflictFinder conflicts() {
        return conflicts;
    }
}

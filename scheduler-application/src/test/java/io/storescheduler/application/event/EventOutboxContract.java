package io.storescheduler.application.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventOutbox} does, run on the in-memory fake the booking service tests trust
 * and on the jOOQ adapter over PostgreSQL: each store numbers its events from 1 in commit order,
 * a rollback gives its numbers back, and a page starts after the number asked. Left out, as only
 * the database has them: appends racing from concurrent transactions, and the booking kept as
 * {@code jsonb}; the jOOQ test states those itself.
 */
public abstract class EventOutboxContract {

    protected static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    protected abstract EventOutbox outbox();

    protected abstract TransactionRunner transactions();

    /** The id of a new store no other test uses, with no events yet. */
    protected abstract StoreId newStoreId();

    @Test
    void a_rolled_back_append_gives_its_number_back() {
        var storeId = newStoreId();
        appendCommitted(event(storeId, new BookingId(1)));
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            outbox().append(event(storeId, new BookingId(2)));
            throw new IllegalStateException("the change failed after its event");
        }));
        appendCommitted(event(storeId, new BookingId(3)));

        var read = outbox().after(storeId, 0, 10);
        assertEquals(List.of(1L, 2L), read.stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(new BookingId(1), new BookingId(3)), read.stream().map(StoredEvent::bookingId).toList());
    }

    @Test
    void a_page_starts_after_the_number_asked_and_holds_at_most_the_limit() {
        var storeId = newStoreId();
        for (long booking = 1; booking <= 5; booking++) {
            appendCommitted(event(storeId, new BookingId(booking)));
        }

        var page = outbox().after(storeId, 2, 2);

        assertEquals(List.of(3L, 4L), page.stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(new BookingId(3), new BookingId(4)), page.stream().map(StoredEvent::bookingId).toList());
        assertEquals(BookingEventType.CHANGED, page.getFirst().type());
        assertEquals(NOW, page.getFirst().occurredAt());
        assertEquals(storeId, page.getFirst().storeId());
        assertEquals(List.of(), outbox().after(storeId, 5, 10));
    }

    @Test
    void each_store_numbers_its_own_events_from_one_and_reads_only_them() {
        var storeId = newStoreId();
        var otherId = newStoreId();
        appendCommitted(event(storeId, new BookingId(1)));
        appendCommitted(event(otherId, new BookingId(7)));
        appendCommitted(event(storeId, new BookingId(2)));

        assertEquals(List.of(1L, 2L), outbox().after(storeId, 0, 10).stream().map(StoredEvent::seq).toList());
        var theirs = outbox().after(otherId, 0, 10);
        assertEquals(List.of(1L), theirs.stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(new BookingId(7)), theirs.stream().map(StoredEvent::bookingId).toList());
    }

    protected final void appendCommitted(NewEvent event) {
        transactions().inTransaction(() -> {
            outbox().append(event);
            return null;
        });
    }

    protected static NewEvent event(StoreId storeId, BookingId bookingId) {
        return new NewEvent(storeId, bookingId, BookingEventType.CHANGED, NOW, "{\"id\":" + bookingId + "}");
    }
}

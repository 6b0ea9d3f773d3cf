package io.storescheduler.application.booking;

import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.domain.id.StoreId;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox as a list, each append also told to the shared event log ("append booking.confirmed
 * booking 3"). As in the database, each store numbers its events from 1, and a rolled-back
 * transaction takes its events, and so their numbers, back. {@code EventOutboxContract} holds it
 * to the jOOQ adapter's behaviour.
 */
final class InMemoryEventOutbox implements EventOutbox, Rollbackable<List<StoredEvent>> {

    private final EventLog log;
    private final List<StoredEvent> appended = new ArrayList<>();

    InMemoryEventOutbox(EventLog log) {
        this.log = log;
    }

    @Override
    public void append(NewEvent event) {
        log.record("append " + event.type().code() + " booking " + event.bookingId());
        var seq = appended.stream().filter(stored -> stored.storeId().equals(event.storeId())).count() + 1;
        appended.add(new StoredEvent(appended.size() + 1, seq, event.storeId(), event.bookingId(), event.type(),
                event.occurredAt(), event.booking()));
    }

    @Override
    public List<StoredEvent> after(StoreId storeId, long afterSeq, int limit) {
        return appended.stream().filter(event -> event.storeId().equals(storeId) && event.seq() > afterSeq).limit(limit).toList();
    }

    @Override
    public List<StoredEvent> snapshot() {
        return List.copyOf(appended);
    }

    @Override
    public void restore(List<StoredEvent> events) {
        appended.clear();
        appended.addAll(events);
    }
}

package io.storescheduler.application.booking;

import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.event.StoredEvent;
import java.util.ArrayList;
import java.util.List;

/** The outbox as a list, each append also told to the shared event log ("append booking.confirmed booking 3"). */
final class InMemoryEventOutbox implements EventOutbox {

    private final EventLog log;
    private final List<StoredEvent> appended = new ArrayList<>();

    InMemoryEventOutbox(EventLog log) {
        this.log = log;
    }

    @Override
    public void append(NewEvent event) {
        log.record("append " + event.type().code() + " booking " + event.bookingId());
        appended.add(new StoredEvent(appended.size() + 1, appended.size() + 1, event.storeId(), event.bookingId(), event.type(),
                event.occurredAt(), event.booking()));
    }

    @Override
    public List<StoredEvent> after(long storeId, long afterSeq, int limit) {
        return appended.stream().filter(event -> event.storeId() == storeId && event.seq() > afterSeq).limit(limit).toList();
    }
}

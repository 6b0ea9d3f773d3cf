package io.storescheduler.adapter.jooq.event;

import static io.storescheduler.adapter.jooq.schema.Tables.STORE_EVENT;

import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The outbox in {@code store_event} (migration V0015). An append is one statement: the store's
 * cursor row in {@code store_event_cursor} is bumped (made by the first event), which row-locks it
 * until the transaction ends, and the event takes the number it now holds. Appending is the last
 * statement of every booking write, so the cursor's lock is held only for the commit, and the
 * next writer of the store's events waits for that commit before it numbers its own: the numbers
 * follow commit order without gaps, and a reader who has seen number N has seen every event
 * before it. Stores never share a cursor row, so they never wait on each other.
 */
public record JooqEventOutbox(DSLContext dsl) implements EventOutbox {

    private static final String APPEND = """
            with cursor_row as (
                insert into store_event_cursor (store_id, last_seq) values (?, 1)
                on conflict (store_id) do update set last_seq = store_event_cursor.last_seq + 1
                returning last_seq)
            insert into store_event (store_id, seq, type, booking_id, occurred_at, booking)
            select ?, last_seq, ?, ?, cast(? as timestamptz), cast(? as jsonb) from cursor_row""";

    @Override
    public void append(NewEvent event) {
        dsl.execute(APPEND, event.storeId().value(), event.storeId().value(), event.type().code(), event.bookingId().value(),
                DSL.val(event.occurredAt(), STORE_EVENT.OCCURRED_AT), event.booking());
    }

    @Override
    public List<StoredEvent> after(StoreId storeId, long afterSeq, int limit) {
        return dsl.select(STORE_EVENT.ID, STORE_EVENT.SEQ, STORE_EVENT.STORE_ID, STORE_EVENT.BOOKING_ID, STORE_EVENT.TYPE,
                        STORE_EVENT.OCCURRED_AT, STORE_EVENT.BOOKING)
                .from(STORE_EVENT)
                .where(STORE_EVENT.STORE_ID.eq(storeId).and(STORE_EVENT.SEQ.gt(afterSeq)))
                .orderBy(STORE_EVENT.SEQ)
                .limit(limit)
                .fetch(JooqEventOutbox::event);
    }

    static StoredEvent event(Record row) {
        return new StoredEvent(row.get(STORE_EVENT.ID), row.get(STORE_EVENT.SEQ), row.get(STORE_EVENT.STORE_ID),
                row.get(STORE_EVENT.BOOKING_ID), type(row.get(STORE_EVENT.TYPE)), row.get(STORE_EVENT.OCCURRED_AT),
                row.get(STORE_EVENT.BOOKING).data());
    }

    private static BookingEventType type(String code) {
        return BookingEventType.fromCode(code).orElseThrow(() -> new IllegalStateException("no event type " + code));
    }
}

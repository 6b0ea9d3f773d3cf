package io.storescheduler.application.event;

import io.storescheduler.domain.id.StoreId;
import java.util.List;

/**
 * The store's events, in commit order. {@link #append} runs in the transaction of the change it
 * records, as its last statement: the event commits with the change or not at all, and its
 * sequence number follows the order in which the store's writing transactions commit.
 */
public interface EventOutbox {

    void append(NewEvent event);

    /** Up to {@code limit} of the store's events after {@code afterSeq}, oldest first. */
    List<StoredEvent> after(StoreId storeId, long afterSeq, int limit);
}

package io.storescheduler.application.event;

import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The store's event feed: pages in commit order, and a wait for the next events when there are none yet. */
public interface ReadEventsUseCase {

    /** Up to {@code limit} events after {@code after} (0: from the oldest kept). */
    EventPage read(StoreId storeId, long after, int limit);

    /**
     * Like {@link #read}, but an empty page is held until an event of the store commits or
     * {@code wait} is up; empty when this instance already holds as many waiting readers as it takes.
     */
    Optional<CompletableFuture<EventPage>> readOrWait(StoreId storeId, long after, int limit, Duration wait);
}

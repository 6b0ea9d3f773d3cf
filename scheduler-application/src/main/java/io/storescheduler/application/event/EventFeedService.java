package io.storescheduler.application.event;

import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Reads the outbox for the feed. A waiting read registers its waiter before it reads, so an event
 * committing between the read and the wait still wakes it; woken, it reads again on
 * {@code readers}, never on the thread that delivered the news.
 */
public record EventFeedService(EventOutbox outbox, EventWaiters waiters, Executor readers) implements ReadEventsUseCase {

    @Override
    public EventPage read(StoreId storeId, long after, int limit) {
        var items = outbox.after(storeId, after, limit);
        return new EventPage(items, items.isEmpty() ? after : items.getLast().seq());
    }

    @Override
    public Optional<CompletableFuture<EventPage>> readOrWait(StoreId storeId, long after, int limit, Duration wait) {
        var waiter = waiters.register(storeId);
        if (waiter.isEmpty()) {
            return Optional.empty();
        }
        EventPage page;
        try {
            page = read(storeId, after, limit);
        } catch (RuntimeException e) {
            waiter.get().cancel(false);
            throw e;
        }
        if (!page.items().isEmpty()) {
            waiter.get().cancel(false);
            return Optional.of(CompletableFuture.completedFuture(page));
        }
        return Optional.of(waiter.get()
                .completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .thenApplyAsync(woken -> read(storeId, after, limit), readers));
    }
}

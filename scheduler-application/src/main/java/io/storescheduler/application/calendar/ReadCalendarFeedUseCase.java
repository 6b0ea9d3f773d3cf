package io.storescheduler.application.calendar;

import io.storescheduler.domain.id.StoreId;
import java.util.Optional;

/**
 * A calendar app reads a feed with its key alone. A store, an owner or a key that does not match
 * all answer empty, alike, so the answer tells nothing of which was wrong.
 */
public interface ReadCalendarFeedUseCase {

    Optional<CalendarFeed> readFeed(StoreId storeId, CalendarOwner owner, String key);
}

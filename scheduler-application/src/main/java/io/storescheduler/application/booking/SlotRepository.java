package io.storescheduler.application.booking;

import java.time.Instant;

/** The store's start times: one slot per {@code (store, start_at)}, shared by every booking starting then. */
public interface SlotRepository {

    /** The slot starting at {@code startAt}, created if there is none yet; answers its id. */
    long upsert(long storeId, Instant startAt);
}

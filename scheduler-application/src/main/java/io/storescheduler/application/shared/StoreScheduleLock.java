package io.storescheduler.application.shared;

import io.storescheduler.domain.id.StoreId;

/**
 * Serializes changes to one store's schedule until the transaction ends, so racing confirms behave
 * as if they had taken turns. Other stores never wait on it.
 */
public interface StoreScheduleLock {

    void lock(StoreId storeId);
}

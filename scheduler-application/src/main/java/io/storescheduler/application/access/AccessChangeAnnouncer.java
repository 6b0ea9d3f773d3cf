package io.storescheduler.application.access;

import io.storescheduler.domain.id.StoreId;

/**
 * Tells every instance of the service that an actor was revoked or a store changed, so that each
 * forgets what its {@link AccessCache} remembers of it. Called inside the writing transaction: the
 * news goes out when that commits, and never for a change that was rolled back.
 */
public interface AccessChangeAnnouncer {

    void actorRevoked(long actorId);

    void storeChanged(StoreId storeId);
}

package io.storescheduler.application.access;

import io.storescheduler.domain.id.StoreId;

/**
 * What this instance hears of changes made anywhere (announced through
 * {@link AccessChangeAnnouncer}): it forgets the named entries, or, when it may have missed some
 * news, everything it remembers.
 */
public interface ForgetAccessUseCase {

    void forgetActor(long actorId);

    void forgetStore(StoreId storeId);

    /** For when news may have been lost (the connection that hears it was lost): what is remembered may be stale. */
    void forgetEverything();
}

package io.storescheduler.application.access;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.StoreId;
import java.util.Optional;
import java.util.Set;

/** Where actors and the hashes of their tokens are kept; tokens themselves are never stored. */
public interface ActorRepository {

    Actor insert(String name, byte[] tokenHash, boolean admin, Set<StoreId> storeIds);

    Optional<Actor> findByTokenHash(byte[] tokenHash);

    /** Every actor, by id. */
    Page<Actor> list(PageRequest page);

    /** Deletes the actor and its store grants; false when there is no such actor. */
    boolean delete(long actorId);
}

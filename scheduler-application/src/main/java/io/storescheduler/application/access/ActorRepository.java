package io.storescheduler.application.access;

import java.util.Optional;
import java.util.Set;

/** Where actors and the hashes of their tokens are kept; tokens themselves are never stored. */
public interface ActorRepository {

    Actor insert(String name, byte[] tokenHash, boolean admin, Set<Long> storeIds);

    Optional<Actor> findByTokenHash(byte[] tokenHash);
}

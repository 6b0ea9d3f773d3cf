package io.storescheduler.application.access;

import java.util.Optional;

/** Who is calling: the actor a bearer token belongs to, if any. */
public interface AuthenticateActorUseCase {

    Optional<Actor> authenticate(String bearerToken);

    /**
     * Like {@link #authenticate}, but only for a token this instance knows without asking the
     * database (the configured admin token, or one it remembers): for callers who failed too often
     * to be given a lookup.
     */
    Optional<Actor> authenticateWithoutLookup(String bearerToken);
}

package io.storescheduler.application.access;

import java.util.Optional;

/** Who is calling: the actor a bearer token belongs to, if any. */
public interface AuthenticateActorUseCase {

    Optional<Actor> authenticate(String bearerToken);
}

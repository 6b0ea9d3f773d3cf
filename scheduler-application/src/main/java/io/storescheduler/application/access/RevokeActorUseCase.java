package io.storescheduler.application.access;

import io.storescheduler.application.shared.Outcome;

/** An admin revokes an actor: its token is refused from the next request on. */
public interface RevokeActorUseCase {

    Outcome<Void> revoke(long actorId);
}

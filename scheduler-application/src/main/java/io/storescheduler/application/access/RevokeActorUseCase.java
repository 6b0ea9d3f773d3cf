package io.storescheduler.application.access;

/** An admin revokes an actor: its token is refused from the next request on. */
public interface RevokeActorUseCase {

    void revoke(long actorId);
}

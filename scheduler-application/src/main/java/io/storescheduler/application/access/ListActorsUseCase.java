package io.storescheduler.application.access;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;

/** An admin lists the actors: who they are and what they may do, never their tokens. */
public interface ListActorsUseCase {

    Page<Actor> listActors(PageRequest page);
}

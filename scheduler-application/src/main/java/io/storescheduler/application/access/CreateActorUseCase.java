package io.storescheduler.application.access;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.StoreId;
import java.util.Set;

/** An admin creates an actor and receives its token, which is shown this once only. */
public interface CreateActorUseCase {

    record CreateActorCommand(String name, Set<StoreId> storeIds, boolean admin) {}

    record CreatedActor(Actor actor, String token) {}

    Outcome<CreatedActor> create(CreateActorCommand command);
}

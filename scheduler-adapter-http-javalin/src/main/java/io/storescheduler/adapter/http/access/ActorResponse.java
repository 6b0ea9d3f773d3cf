package io.storescheduler.adapter.http.access;

import io.storescheduler.application.access.CreateActorUseCase.CreatedActor;
import io.storescheduler.domain.id.StoreId;
import java.util.List;

/** A new actor, with its token: the only answer that ever shows it. */
public record ActorResponse(long id, String name, List<StoreId> storeIds, boolean admin, String token) {

    public static ActorResponse created(CreatedActor created) {
        var actor = created.actor();
        return new ActorResponse(actor.id(), actor.name(), actor.storeIds().stream().sorted().toList(), actor.admin(), created.token());
    }
}

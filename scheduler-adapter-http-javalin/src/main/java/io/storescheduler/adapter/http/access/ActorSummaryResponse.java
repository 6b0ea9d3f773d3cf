package io.storescheduler.adapter.http.access;

import io.storescheduler.application.access.Actor;
import io.storescheduler.domain.id.StoreId;
import java.util.List;

/** An actor in a list: who it is and what it may do, never its token. */
public record ActorSummaryResponse(long id, String name, List<StoreId> storeIds, boolean admin) {

    public static ActorSummaryResponse from(Actor actor) {
        return new ActorSummaryResponse(actor.id(), actor.name(), actor.storeIds().stream().sorted().toList(), actor.admin());
    }
}

package io.storescheduler.adapter.jooq.access;

import io.storescheduler.application.access.ForgetAccessUseCase;
import io.storescheduler.domain.id.StoreId;

/**
 * The PostgreSQL notification channel the instances tell each other of access changes on, and its
 * payloads: {@code "actor <id>"} for a revoked actor, {@code "store <id>"} for a changed store.
 */
final class AccessChangeNotices {

    static final String CHANNEL = "scheduler_access_changes";

    private static final String ACTOR = "actor ";
    private static final String STORE = "store ";

    private AccessChangeNotices() {}

    static String actor(long actorId) {
        return ACTOR + actorId;
    }

    static String store(StoreId storeId) {
        return STORE + storeId;
    }

    /** Forgets what {@code payload} names; a payload it cannot read forgets everything, as it may have named anything. */
    static void deliver(String payload, ForgetAccessUseCase receiver) {
        try {
            if (payload.startsWith(ACTOR)) {
                receiver.forgetActor(Long.parseLong(payload.substring(ACTOR.length())));
                return;
            }
            if (payload.startsWith(STORE)) {
                receiver.forgetStore(new StoreId(Long.parseLong(payload.substring(STORE.length()))));
                return;
            }
        } catch (NumberFormatException unreadable) {
            // falls through
        }
        receiver.forgetEverything();
    }
}

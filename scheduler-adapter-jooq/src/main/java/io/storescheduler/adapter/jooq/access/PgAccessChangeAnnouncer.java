package io.storescheduler.adapter.jooq.access;

import io.storescheduler.application.access.AccessChangeAnnouncer;
import io.storescheduler.domain.id.StoreId;
import org.jooq.DSLContext;

/**
 * Announces access changes with {@code pg_notify} on the caller's transaction, so PostgreSQL
 * delivers them to every listening instance ({@link PgAccessChangeListener}) when it commits, and
 * drops them if it rolls back.
 */
public final class PgAccessChangeAnnouncer implements AccessChangeAnnouncer {

    private final DSLContext dsl;

    public PgAccessChangeAnnouncer(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void actorRevoked(long actorId) {
        announce(AccessChangeNotices.actor(actorId));
    }

    @Override
    public void storeChanged(StoreId storeId) {
        announce(AccessChangeNotices.store(storeId));
    }

    private void announce(String payload) {
        dsl.fetch("select pg_notify(?, ?)", AccessChangeNotices.CHANNEL, payload);
    }
}

package io.storescheduler.adapter.jooq.access;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.access.ActorRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The actor repository contract on PostgreSQL. */
class JooqActorRepositoryTest extends ActorRepositoryContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqActorRepositoryTest() {
        super(db);
    }
}

package io.storescheduler.adapter.jooq.access;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.access.StoreRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store repository contract on PostgreSQL. */
class JooqStoreRepositoryTest extends StoreRepositoryContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqStoreRepositoryTest() {
        super(db);
    }
}

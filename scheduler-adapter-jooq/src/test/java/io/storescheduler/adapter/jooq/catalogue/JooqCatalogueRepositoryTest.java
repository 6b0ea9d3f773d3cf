package io.storescheduler.adapter.jooq.catalogue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.catalogue.CatalogueRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue contract on PostgreSQL: the jOOQ adapter does nothing the contract does not state. */
class JooqCatalogueRepositoryTest extends CatalogueRepositoryContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqCatalogueRepositoryTest() {
        super(db);
    }
}

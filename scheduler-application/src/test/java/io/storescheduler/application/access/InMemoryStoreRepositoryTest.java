package io.storescheduler.application.access;

/** The store fake the access service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryStoreRepositoryTest extends StoreRepositoryContract {

    InMemoryStoreRepositoryTest() {
        super(new InMemoryAccessRepositories());
    }
}

package io.storescheduler.application.access;

/** The store fake the access service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryStoreRepositoryTest extends StoreRepositoryContract {

    private final InMemoryAccessRepositories fakes = new InMemoryAccessRepositories();

    @Override
    protected AccessPortsUnderTest ports() {
        return fakes;
    }
}

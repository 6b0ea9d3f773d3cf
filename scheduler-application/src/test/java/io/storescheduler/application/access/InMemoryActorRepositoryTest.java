package io.storescheduler.application.access;

/** The actor fake the access service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryActorRepositoryTest extends ActorRepositoryContract {

    InMemoryActorRepositoryTest() {
        super(new InMemoryAccessRepositories());
    }
}

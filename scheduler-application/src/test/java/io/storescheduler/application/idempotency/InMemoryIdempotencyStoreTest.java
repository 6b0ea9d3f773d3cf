package io.storescheduler.application.idempotency;

/** The fake the idempotency service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}

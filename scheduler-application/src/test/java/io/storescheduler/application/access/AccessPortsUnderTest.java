package io.storescheduler.application.access;

/** The access ports a contract runs on: the in-memory fakes, or the jOOQ adapter over a real PostgreSQL. */
public interface AccessPortsUnderTest {

    ActorRepository actors();

    StoreRepository stores();

    /** What the ports throw when a write would break the data's integrity, as a foreign or unique key would. */
    Class<? extends RuntimeException> integrityViolation();
}

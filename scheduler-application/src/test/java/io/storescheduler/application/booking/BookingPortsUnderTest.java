package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CataloguePortsUnderTest;

/**
 * The booking ports a contract runs on, over one data set with the catalogue their rows refer to,
 * wired as bootstrap wires them: the in-memory fakes, or the jOOQ adapter over a real PostgreSQL.
 */
public interface BookingPortsUnderTest extends CataloguePortsUnderTest {

    BookingRepository bookings();

    SlotRepository slots();

    BookingReader reader();

    ConflictFinder conflicts();

    /** What the ports throw when a write would break the data's integrity, as a foreign or unique key would. */
    Class<? extends RuntimeException> integrityViolation();
}

package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;

/**
 * The booking ports a contract runs on, over one data set, wired as bootstrap wires them: the
 * in-memory fakes, or the jOOQ adapter over a real PostgreSQL. Every test makes its own store.
 */
public interface BookingPortsUnderTest {

    BookingRepository bookings();

    SlotRepository slots();

    CatalogueRepository catalogue();

    TransactionRunner transactions();

    /** What the ports throw when a write would break the data's integrity, as a foreign or unique key would. */
    Class<? extends RuntimeException> integrityViolation();

    /** The id of a new store no other test uses, with nothing in it yet. */
    long newStoreId();
}

package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepositoryContract;
import io.storescheduler.application.catalogue.CataloguePortsUnderTest;

/** The catalogue fake the booking service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryCatalogueTest extends CatalogueRepositoryContract {

    private final InMemoryBookingPorts fakes = new InMemoryBookingPorts();

    @Override
    protected CataloguePortsUnderTest ports() {
        return fakes;
    }
}

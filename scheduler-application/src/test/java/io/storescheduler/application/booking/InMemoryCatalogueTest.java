package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepositoryContract;

/** The catalogue fake the booking service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryCatalogueTest extends CatalogueRepositoryContract {

    InMemoryCatalogueTest() {
        super(new InMemoryBookingPorts());
    }
}

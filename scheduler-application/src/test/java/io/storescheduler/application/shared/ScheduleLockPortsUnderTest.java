package io.storescheduler.application.shared;

import io.storescheduler.application.catalogue.CataloguePortsUnderTest;

/** The schedule lock a contract runs on, with the transactions it lasts for. */
public interface ScheduleLockPortsUnderTest extends CataloguePortsUnderTest {

    StoreScheduleLock scheduleLock();
}

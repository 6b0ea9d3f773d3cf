package io.storescheduler.application.catalogue;

import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;

/**
 * The catalogue a contract runs on: the in-memory fake, or the jOOQ adapter over a real
 * PostgreSQL. Every test makes its own store, so tests never see each other's rows.
 */
public interface CataloguePortsUnderTest {

    CatalogueRepository catalogue();

    TransactionRunner transactions();

    /** The id of a new store no other test uses, with nothing in it yet. */
    StoreId newStoreId();
}

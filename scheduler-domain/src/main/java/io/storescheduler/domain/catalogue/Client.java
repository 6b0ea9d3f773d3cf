package io.storescheduler.domain.catalogue;

import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.id.ClientId;

/** A customer of a store; {@code phone} may be null. */
public record Client(ClientId id, StoreId storeId, String name, String phone) {}

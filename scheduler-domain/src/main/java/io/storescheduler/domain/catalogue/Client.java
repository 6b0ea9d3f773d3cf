package io.storescheduler.domain.catalogue;

/** A customer of a store; {@code phone} may be null. */
public record Client(long id, long storeId, String name, String phone) {}

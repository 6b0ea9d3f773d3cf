package io.storescheduler.domain.catalogue;

/** A staff game master of a store; only active DMs can be matched to a booking. */
public record Dm(long id, long storeId, String name, boolean active) {}

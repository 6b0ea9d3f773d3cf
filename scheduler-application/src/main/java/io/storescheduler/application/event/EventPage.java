package io.storescheduler.application.event;

import java.util.List;

/** A page of the store's events in commit order, and the sequence number to read on from. */
public record EventPage(List<StoredEvent> items, long next) {}

package io.storescheduler.application.booking;

import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;

/**
 * The out ports, the clock, the quota check and the event outbox the booking use cases are built from, named once where the
 * application is wired instead of in every service's constructor.
 */
public record BookingPorts(
        BookingRepository bookings,
        BookingReader reader,
        SlotRepository slots,
        CatalogueRepository catalogue,
        ConflictFinder conflicts,
        StoreScheduleLock scheduleLock,
        TransactionRunner transactions,
        Clock clock,
        StoreQuotas quotas,
        BookingEvents events) {}

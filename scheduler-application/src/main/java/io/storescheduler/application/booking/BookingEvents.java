package io.storescheduler.application.booking;

import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.shared.ExpiringCache;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every booking write calls last in its transaction: the event of the change, with the
 * booking as it now is, rendered at the store's zone. The zone is read once in a while, so a store
 * that changes zone has its events rendered at the new one within {@link #ZONES_KEPT}.
 */
public final class BookingEvents {

    static final Duration ZONES_KEPT = Duration.ofSeconds(30);

    private final EventOutbox outbox;
    private final BookingDocuments documents;
    private final Function<StoreId, Optional<ZoneId>> zones;
    private final ExpiringCache<StoreId, ZoneId> zoneCache;

    public BookingEvents(EventOutbox outbox, BookingDocuments documents, Function<StoreId, Optional<ZoneId>> zones, Clock clock) {
        this.outbox = outbox;
        this.documents = documents;
        this.zones = zones;
        this.zoneCache = new ExpiringCache<>(clock, ZONES_KEPT, 10_000);
    }

    /** Records {@code type} of the booking {@code view} shows, at the time of its change. */
    public Outcome<BookingView> record(BookingEventType type, BookingView view) {
        var booking = view.booking();
        return Outcome.of(zoneCache.get(booking.storeId(), zones::apply), () -> Refusal.notFound("store", booking.storeId()))
                .map(zone -> {
                    outbox.append(new NewEvent(booking.storeId(), booking.id(), type, booking.updatedAt(), documents.render(view, zone)));
                    return view;
                });
    }
}

package io.storescheduler.application.calendar;

import io.storescheduler.application.access.Tokens;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Calendar keys and feeds. A key is 256 random bits, of which only the SHA-256 is kept; it is
 * compared in constant time. Making a key is one upsert of the owner's row: racing rotations of one
 * owner are serialised by that row's lock (the unique index the upsert conflicts on), the last to
 * commit holds the only working key. A feed is a read of committed rows and takes no lock.
 */
public record CalendarService(
        CalendarRepository calendars, Stores stores, TransactionRunner transactions, Clock clock)
        implements RotateCalendarKeyUseCase, ReadCalendarFeedUseCase {

    /** The one thing a feed needs of stores: the store, with its zone, when it exists. */
    @FunctionalInterface
    public interface Stores {
        Optional<Store> find(StoreId storeId);
    }

    /** How far back a feed reaches: the bookings of the last 30 days stay in the calendar. */
    public static final Duration PAST = Duration.ofDays(30);
    /** How far ahead a feed reaches. */
    public static final Duration AHEAD = Duration.ofDays(366);
    /** The most bookings one feed holds, the earliest first: a feed's size and cost stay bounded. */
    public static final int MAX_ENTRIES = 1000;

    @Override
    public Outcome<String> rotateKey(StoreId storeId, CalendarOwner owner) {
        var key = Tokens.newToken();
        return transactions.attempt(() -> Outcome.of(calendars.ownerName(storeId, owner), () -> Refusal.notFound(owner.kind().label(), owner.id()))
                .map(name -> {
                    calendars.replaceKey(storeId, owner, Tokens.hash(key), clock.instant());
                    return key;
                }));
    }

    @Override
    public Optional<CalendarFeed> readFeed(StoreId storeId, CalendarOwner owner, String key) {
        var given = Tokens.hash(key);
        var matches = calendars.keyHash(storeId, owner).map(kept -> Tokens.sameHash(kept, given)).orElse(false);
        if (!matches) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> stores.find(storeId).flatMap(store -> calendars.ownerName(storeId, owner).map(name -> {
            var now = clock.instant();
            var from = now.minus(PAST);
            var to = now.plus(AHEAD);
            return new CalendarFeed(store, owner, name, from, to, calendars.entries(storeId, owner, from, to, MAX_ENTRIES));
        })));
    }
}

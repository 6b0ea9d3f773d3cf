package io.storescheduler.application.calendar;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.shared.MovableClock;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CalendarServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Store STORE = new Store(new StoreId(7), "Mystery House", ZoneId.of("America/New_York"));
    private static final CalendarOwner ROOM = CalendarOwner.room(new RoomId(3));
    private static final CalendarOwner DM = CalendarOwner.dm(new DmId(3));

    /** Keys and owners kept in maps; what a feed was asked for is recorded. */
    private static final class Calendars implements CalendarRepository {
        final Map<String, byte[]> keys = new HashMap<>();
        final Map<CalendarOwner, String> owners = new HashMap<>(Map.of(ROOM, "Room A", DM, "Alice"));
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> ownerName(StoreId storeId, CalendarOwner owner) {
            return storeId.equals(STORE.id()) ? Optional.ofNullable(owners.get(owner)) : Optional.empty();
        }

        @Override
        public void replaceKey(StoreId storeId, CalendarOwner owner, byte[] keyHash, Instant at) {
            keys.put(storeId + " " + owner, keyHash.clone());
        }

        @Override
        public Optional<byte[]> keyHash(StoreId storeId, CalendarOwner owner) {
            return Optional.ofNullable(keys.get(storeId + " " + owner));
        }

        @Override
        public List<CalendarEntry> entries(StoreId storeId, CalendarOwner owner, Instant from, Instant to, int limit) {
            asked.add(owner + " [" + from + ", " + to + ") " + limit);
            return List.of(new CalendarEntry(new BookingId(1), 2, BookingStatus.SCHEDULED, NOW, NOW.plusSeconds(3600), "Night Train", 3, "Room A", NOW, NOW));
        }
    }

    private static final TransactionRunner DIRECT = new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> Outcome<T> attempt(Supplier<Outcome<T>> work) {
            return work.get();
        }
    };

    private final Calendars calendars = new Calendars();
    private final CalendarService service = new CalendarService(calendars,
            storeId -> storeId.equals(STORE.id()) ? Optional.of(STORE) : Optional.empty(), DIRECT, new MovableClock(NOW));

    @Test
    void a_new_key_opens_its_own_calendar_alone_and_only_its_sha_256_is_kept() throws Exception {
        var key = done(service.rotateKey(STORE.id(), ROOM));

        assertTrue(key.matches("[A-Za-z0-9_-]{43}"), key);
        assertTrue(Arrays.equals(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
                calendars.keys.get(STORE.id() + " " + ROOM)));
        assertTrue(service.readFeed(STORE.id(), ROOM, key).isPresent());
        assertFalse(service.readFeed(STORE.id(), DM, key).isPresent(), "a room's key opens the DM of the same id");
        assertFalse(service.readFeed(new StoreId(8), ROOM, key).isPresent(), "a key opens another store's room");
    }

    @Test
    void a_new_key_ends_the_previous_one() {
        var first = done(service.rotateKey(STORE.id(), DM));
        var second = done(service.rotateKey(STORE.id(), DM));

        assertNotEquals(first, second);
        assertFalse(service.readFeed(STORE.id(), DM, first).isPresent());
        assertTrue(service.readFeed(STORE.id(), DM, second).isPresent());
    }

    @Test
    void no_made_up_key_opens_a_calendar() {
        var key = done(service.rotateKey(STORE.id(), ROOM));
        var random = new Random(14);
        for (int i = 0; i < 500; i++) {
            var guess = key.toCharArray();
            guess[random.nextInt(guess.length)] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
            var made = new String(guess);
            assertEquals(made.equals(key), service.readFeed(STORE.id(), ROOM, made).isPresent(), made);
        }
    }

    @Test
    void a_key_for_an_owner_not_in_the_store_is_not_made() {
        var failure = refused(service.rotateKey(STORE.id(), CalendarOwner.room(new RoomId(99))));
        assertEquals("room_not_found", failure.code());
        assertEquals("dm_not_found", refused(service.rotateKey(new StoreId(8), DM)).code());
        assertTrue(calendars.keys.isEmpty());
    }

    @Test
    void a_feed_reaches_30_days_back_and_366_ahead_with_at_most_1000_bookings() {
        var feed = service.readFeed(STORE.id(), ROOM, done(service.rotateKey(STORE.id(), ROOM))).orElseThrow();

        assertEquals(List.of(ROOM + " [" + NOW.minus(Duration.ofDays(30)) + ", " + NOW.plus(Duration.ofDays(366)) + ") 1000"), calendars.asked);
        assertEquals(STORE, feed.store());
        assertEquals("Room A", feed.ownerName());
        assertEquals(1, feed.entries().size());
    }
}

package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The {@link BookingRepository} contract on a map of immutable {@link Booking}s, as the jOOQ
 * adapter keeps it: {@link #update} writes the booking's own columns, bumps the version and leaves
 * the party and matches as stored; a client leaving the party takes its match with it (the
 * foreign key's cascade). A write naming a booking the store does not have changes nothing, as a
 * statement scoped by store would; one that adds a row to it, or matches a client outside the
 * party, throws, as a foreign key would. Reads are logged, so a test can see them after or before
 * a lock. {@link BookingRepositoryContract} holds it to the jOOQ adapter's behaviour.
 */
final class InMemoryBookingRepository implements BookingRepository, Rollbackable<InMemoryBookingRepository.Rows> {

    /**
     * Everything the repository holds, as a value. Bookings and matches draw their ids from one
     * sequence, so an id of one kind passed where the other is meant finds nothing.
     */
    record Rows(Map<BookingId, Booking> bookings, long lastId) {

        Rows {
            bookings = Map.copyOf(bookings);
        }
    }

    private final EventLog events;
    private final Map<BookingId, Booking> bookings = new HashMap<>();
    private long lastId;

    InMemoryBookingRepository(EventLog events) {
        this.events = events;
    }

    @Override
    public Inserted insert(NewBooking row) {
        var inserted = new Inserted(new BookingId(++lastId), 0, row.now(), row.now());
        bookings.put(inserted.id(), row.as(inserted));
        return inserted;
    }

    @Override
    public Optional<Booking> find(StoreId storeId, BookingId bookingId) {
        events.record("find booking " + bookingId);
        return stored(storeId, bookingId);
    }

    @Override
    public Page<Booking> list(StoreId storeId, BookingFilter filter, PageRequest page) {
        var matching = inStore(storeId).filter(matches(filter))
                .sorted(Comparator.comparing(Booking::startAt).thenComparing(Booking::id))
                .toList();
        return Page.of(matching, page);
    }

    @Override
    public Optional<Booking> findForUpdate(StoreId storeId, BookingId bookingId) {
        events.record("find booking " + bookingId + " for update");
        return stored(storeId, bookingId);
    }

    @Override
    public void update(Booking booking, Instant now) {
        stored(booking.storeId(), booking.id()).ifPresent(stored -> bookings.put(stored.id(), new Booking(stored.id(), stored.storeId(), booking.status(), booking.startAt(),
                booking.endAt(), booking.scriptId(), booking.roomId(), booking.slotId(), booking.note(), stored.clientIds(),
                stored.clientMatches(), stored.dmMatches(), stored.version() + 1, stored.createdAt(), now)));
    }

    @Override
    public boolean addClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        var booking = require(storeId, bookingId);
        if (booking.clientIds().contains(clientId)) {
            return false;
        }
        put(booking, plus(booking.clientIds(), clientId).stream().sorted().toList(), booking.clientMatches(), booking.dmMatches());
        return true;
    }

    @Override
    public boolean removeClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        var found = stored(storeId, bookingId).filter(booking -> booking.clientIds().contains(clientId));
        found.ifPresent(booking -> put(booking, without(booking.clientIds(), clientId::equals),
                without(booking.clientMatches(), match -> match.clientId().equals(clientId)), booking.dmMatches()));
        return found.isPresent();
    }

    @Override
    public MatchId addClientMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, ClientId clientId) {
        var booking = require(storeId, bookingId);
        refuseClientMatch(booking, null, characterId, clientId);
        var match = new CharacterClientMatch(new MatchId(++lastId), characterId, clientId);
        put(booking, booking.clientIds(), plus(booking.clientMatches(), match), booking.dmMatches());
        return match.id();
    }

    @Override
    public void updateClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, ClientId clientId) {
        stored(storeId, bookingId).ifPresent(booking -> {
            refuseClientMatch(booking, matchId, characterId, clientId);
            put(booking, booking.clientIds(), booking.clientMatches().stream()
                    .map(match -> match.id().equals(matchId) ? new CharacterClientMatch(matchId, characterId, clientId) : match)
                    .toList(), booking.dmMatches());
        });
    }

    @Override
    public void removeClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        stored(storeId, bookingId).ifPresent(booking -> put(booking, booking.clientIds(),
                without(booking.clientMatches(), match -> match.id().equals(matchId)), booking.dmMatches()));
    }

    @Override
    public MatchId addDmMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, DmId dmId) {
        var booking = require(storeId, bookingId);
        refuseDmMatch(booking, null, characterId, dmId);
        var match = new CharacterDmMatch(new MatchId(++lastId), characterId, dmId);
        put(booking, booking.clientIds(), booking.clientMatches(), plus(booking.dmMatches(), match));
        return match.id();
    }

    @Override
    public void updateDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, DmId dmId) {
        stored(storeId, bookingId).ifPresent(booking -> {
            refuseDmMatch(booking, matchId, characterId, dmId);
            put(booking, booking.clientIds(), booking.clientMatches(), booking.dmMatches().stream()
                    .map(match -> match.id().equals(matchId) ? new CharacterDmMatch(matchId, characterId, dmId) : match)
                    .toList());
        });
    }

    @Override
    public void removeDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        stored(storeId, bookingId).ifPresent(booking -> put(booking, booking.clientIds(), booking.clientMatches(),
                without(booking.dmMatches(), match -> match.id().equals(matchId))));
    }

    @Override
    public void dropCharacterMatches(StoreId storeId, BookingId bookingId) {
        stored(storeId, bookingId).ifPresent(booking ->
                put(booking, booking.clientIds(), List.of(), booking.dmMatches().stream().filter(CharacterDmMatch::isFreeDm).toList()));
    }

    @Override
    public Rows snapshot() {
        return new Rows(bookings, lastId);
    }

    @Override
    public void restore(Rows rows) {
        bookings.clear();
        bookings.putAll(rows.bookings());
        lastId = rows.lastId();
    }

    /** The store's bookings as they are, without logging a read: what the conflict queries see. */
    Stream<Booking> inStore(StoreId storeId) {
        return bookings.values().stream().filter(booking -> booking.storeId().equals(storeId));
    }

    private Optional<Booking> stored(StoreId storeId, BookingId bookingId) {
        return Optional.ofNullable(bookings.get(bookingId)).filter(booking -> booking.storeId().equals(storeId));
    }

    private Booking require(StoreId storeId, BookingId bookingId) {
        return stored(storeId, bookingId)
                .orElseThrow(() -> new IllegalStateException("no booking " + bookingId + " in store " + storeId));
    }

    /** Writes the party and matches apart from the booking's own columns, as the join tables are. */
    private void put(Booking booking, List<ClientId> clientIds, List<CharacterClientMatch> clientMatches, List<CharacterDmMatch> dmMatches) {
        bookings.put(booking.id(), new Booking(booking.id(), booking.storeId(), booking.status(), booking.startAt(),
                booking.endAt(), booking.scriptId(), booking.roomId(), booking.slotId(), booking.note(), clientIds,
                clientMatches, dmMatches, booking.version(), booking.createdAt(), booking.updatedAt()));
    }

    /** The party foreign key and the unique keys of {@code character_client_match}: one character and one match a client. */
    private static void refuseClientMatch(Booking booking, MatchId matchId, CharacterId characterId, ClientId clientId) {
        if (!booking.clientIds().contains(clientId)) {
            throw new IllegalStateException("client " + clientId + " is not in the party of booking " + booking.id());
        }
        if (booking.clientMatches().stream().anyMatch(match -> !match.id().equals(matchId)
                && (match.characterId().equals(characterId) || match.clientId().equals(clientId)))) {
            throw new IllegalStateException("booking " + booking.id() + " matches that character or client already");
        }
    }

    /** The unique keys of {@code character_dm_match}: a character played once, a DM free once. */
    private static void refuseDmMatch(Booking booking, MatchId matchId, CharacterId characterId, DmId dmId) {
        if (booking.dmMatches().stream().anyMatch(match -> !match.id().equals(matchId) && (characterId == null
                ? match.isFreeDm() && match.dmId().equals(dmId)
                : characterId.equals(match.characterId())))) {
            throw new IllegalStateException("booking " + booking.id() + " matches that character or free DM already");
        }
    }

    private static Predicate<Booking> matches(BookingFilter filter) {
        return booking -> (filter.statuses().isEmpty() || filter.statuses().contains(booking.status()))
                && (filter.from() == null || !booking.startAt().isBefore(filter.from()))
                && (filter.to() == null || booking.startAt().isBefore(filter.to()))
                && (filter.roomId() == null || filter.roomId().equals(booking.roomId()))
                && (filter.slotId() == null || filter.slotId().equals(booking.slotId()))
                && (filter.clientId() == null || booking.clientIds().contains(filter.clientId()));
    }

    private static <T> List<T> plus(List<T> items, T item) {
        var all = new ArrayList<>(items);
        all.add(item);
        return all;
    }

    private static <T> List<T> without(List<T> items, Predicate<T> unwanted) {
        return items.stream().filter(unwanted.negate()).toList();
    }
}

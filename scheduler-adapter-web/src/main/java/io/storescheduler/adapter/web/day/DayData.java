package io.storescheduler.adapter.web.day;

import io.storescheduler.application.booking.BookingView;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a day's page is drawn from: the store's rooms, DMs and scripts, and the bookings starting
 * on the day in the store's time zone. Read in a bounded number of queries: one page per 200 of
 * each, whatever the day holds.
 */
public record DayData(Store store, LocalDate day, List<Room> rooms, List<Dm> dms, Map<ScriptId, Script> scripts,
        List<BookingView> bookings) {

    public DayData {
        rooms = List.copyOf(rooms);
        dms = List.copyOf(dms);
        scripts = Map.copyOf(scripts);
        bookings = List.copyOf(bookings);
    }

    public static Instant start(Store store, LocalDate day) {
        return day.atStartOfDay(store.timezone()).toInstant();
    }

    public Instant start() {
        return start(store, day);
    }

    public Instant end() {
        return start(store, day.plusDays(1));
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(store.timezone());
    }

    public Optional<Script> script(ScriptId id) {
        return Optional.ofNullable(id).map(scripts::get);
    }

    public Map<RoomId, Room> roomsById() {
        return rooms.stream().collect(Collectors.toMap(Room::id, Function.identity()));
    }

    public Map<DmId, Dm> dmsById() {
        return dms.stream().collect(Collectors.toMap(Dm::id, Function.identity()));
    }

    public Map<BookingId, BookingView> bookingsById() {
        return bookings.stream().collect(Collectors.toMap(b -> b.booking().id(), Function.identity()));
    }
}

package io.storescheduler.adapter.http.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.calendar.CalendarEntry;
import io.storescheduler.application.calendar.CalendarFeed;
import io.storescheduler.application.calendar.CalendarOwner;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

class IcsCalendarsTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private final IcsCalendars ics = new IcsCalendars();

    /**
     * In every zone of the tz database, bookings at seeded random minutes of two years (switch days
     * included, as random minutes land on them) are read back at their instants by ical4j, and
     * those with a TZID also by the zone's name alone.
     */
    @Test
    void every_zone_writes_times_that_ical4j_and_the_tz_database_read_at_their_instants() {
        var random = new Random(5545);
        var checked = 0;
        for (var zoneId : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            var zone = ZoneId.of(zoneId);
            var entries = new ArrayList<CalendarEntry>();
            for (int i = 0; i < 20; i++) {
                var start = i < 4 ? switchMinute(zone, i) : FROM.plus(Duration.ofMinutes(random.nextInt(2 * 366 * 24 * 60)));
                entries.add(entry(i + 1, start, start.plus(Duration.ofMinutes(1 + random.nextInt(1440))), "Night Train", "Room A"));
            }
            var calendar = parse(ics.write(feed(zone, entries)));
            var events = calendar.<VEvent>getComponents(Component.VEVENT);
            assertEquals(entries.size(), events.size(), zoneId);
            for (int i = 0; i < entries.size(); i++) {
                var what = zoneId + ", entry " + i;
                assertEquals(entries.get(i).startAt(), read(events.get(i), Property.DTSTART, zone), what + ": DTSTART");
                assertEquals(entries.get(i).endAt(), read(events.get(i), Property.DTEND, zone), what + ": DTEND");
                checked++;
            }
        }
        assertTrue(checked > 5_000, "too few zones: " + checked);
    }

    @Test
    void names_with_the_characters_icalendar_escapes_come_back_as_they_were() {
        var long_ = "长".repeat(60) + " Mansion of the Long Name " + "é".repeat(40);
        var names = List.of("Room, A; B\\C", "Line one\nline two", "Tab\there", "Emoji 🎲🕵️", long_, "Quote \" and : colon");
        var entries = new ArrayList<CalendarEntry>();
        for (int i = 0; i < names.size(); i++) {
            entries.add(entry(i + 1, FROM.plus(Duration.ofDays(i)), FROM.plus(Duration.ofDays(i)).plusSeconds(7200), names.get(i), names.get(i)));
        }
        var text = ics.write(feed(ZoneId.of("Asia/Shanghai"), entries));
        for (var line : text.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, () -> "a line of more than 75 octets: " + line);
        }
        var events = parse(text).<VEvent>getComponents(Component.VEVENT);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i) + " (3 players)", events.get(i).getProperty(Property.SUMMARY).orElseThrow().getValue());
            assertEquals(names.get(i), events.get(i).getProperty(Property.LOCATION).orElseThrow().getValue());
        }
    }

    @Test
    void one_player_is_not_told_as_players() {
        var solo = new CalendarEntry(new BookingId(1), 0, BookingStatus.SCHEDULED, FROM, FROM, "Solo", 1, null, FROM, FROM);
        assertEquals("Solo (1 player)", IcsCalendars.summary(solo));
    }

    /** A minute just before or after one of the zone's next switches after {@link #FROM}, or a plain minute when it has none. */
    private static Instant switchMinute(ZoneId zone, int which) {
        var transition = zone.getRules().nextTransition(FROM);
        if (transition == null) {
            return FROM.plus(Duration.ofDays(which));
        }
        if (which >= 2) {
            var next = zone.getRules().nextTransition(transition.getInstant());
            transition = next == null ? transition : next;
        }
        return transition.getInstant().plus(Duration.ofMinutes(which % 2 == 0 ? -30 : 30));
    }

    @SuppressWarnings("unchecked")
    private static Instant read(VEvent event, String name, ZoneId zone) {
        var property = (DateProperty<Temporal>) event.getProperty(name).orElseThrow();
        var instant = Instant.from(property.getDate());
        if (property.getParameter(Parameter.TZID).isPresent()) {
            assertEquals(zone.getId(), property.getParameter(Parameter.TZID).get().getValue());
            var local = LocalDateTime.parse(property.getValue(), LOCAL);
            var offsets = zone.getRules().getValidOffsets(local);
            assertEquals(1, offsets.size(), () -> "a local time the zone does not have just once: " + property);
            assertEquals(instant, local.atOffset(offsets.get(0)).toInstant(), () -> "ical4j and the tz database disagree: " + property);
        }
        return instant;
    }

    private static CalendarEntry entry(long id, Instant start, Instant end, String script, String room) {
        return new CalendarEntry(new BookingId(id), 1, BookingStatus.SCHEDULED, start, end, script, 3, room, FROM, FROM);
    }

    private static CalendarFeed feed(ZoneId zone, List<CalendarEntry> entries) {
        return new CalendarFeed(new Store(new StoreId(1), "Mystery House", zone), CalendarOwner.room(new RoomId(1)), "Room A", FROM, FROM,
                entries);
    }

    private static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j cannot parse: " + e.getMessage() + "\n" + text, e);
        }
    }
}

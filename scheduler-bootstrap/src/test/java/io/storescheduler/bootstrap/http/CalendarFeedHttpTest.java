package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.bootstrap.http.StoreSetup.Script;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar feeds of rooms and DMs, read by two parsers that share nothing (ical4j's own and
 * ical.js) and checked against the bookings as the API answers them, around both of the next
 * daylight-saving switches of New York: the hour that happens twice and the hour that never does.
 */
class CalendarFeedHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String SCRIPT = "Night Train";
    private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final Pattern UID = Pattern.compile("booking-(\\d+)@store-(\\d+)\\.store-scheduler");

    private static StoreSetup store;
    private static Script script;
    private static Map<String, Long> rooms;
    private static Map<String, Long> dms;
    private static final List<Long> bookings = new ArrayList<>();
    private static final List<String> clientNames = new ArrayList<>();

    @BeforeAll
    static void fill() {
        store = server.newStore(NEW_YORK.getId());
        script = store.script(SCRIPT, 180, 3, 1);
        rooms = Map.of("Room A", store.room("Room A", 6), "Room B", store.room("Room B", 6));
        dms = Map.of("Alice", store.dm("Alice"), "Bob", store.dm("Bob"));
        var now = Instant.now();
        var fallBack = nextTransition(now, true).getInstant();
        var springForward = nextTransition(now, false).getInstant();
        scheduled(fallBack.minus(Duration.ofMinutes(30)), "Room A", "Alice");   // 01:30 EDT, the first 01:30
        scheduled(fallBack.plus(Duration.ofMinutes(30)), "Room A", "Bob");      // 01:30 EST, the second 01:30
        scheduled(fallBack.minus(Duration.ofMinutes(90)), "Room B", "Alice");   // 00:30 EDT, over the switch
        scheduled(fallBack.plus(Duration.ofMinutes(90)), "Room B", "Bob");      // 02:30 EST, right after it
        scheduled(springForward.minus(Duration.ofMinutes(30)), "Room A", "Alice"); // 01:30 EST, over the missing hour
        scheduled(springForward.plus(Duration.ofMinutes(30)), "Room B", "Bob");    // 03:30 EDT
        scheduled(now.plus(Duration.ofDays(3)), "Room A", "Bob");
        scheduled(now.minus(Duration.ofDays(10)), "Room B", "Alice");              // in the feed: 30 days back
        scheduled(now.minus(Duration.ofDays(45)), "Room A", "Alice");              // too old for the feed
        scheduled(now.plus(Duration.ofDays(400)), "Room B", "Bob");                // too far ahead
        store.cancel(scheduled(now.plus(Duration.ofDays(5)), "Room A", "Alice")).expect(200);
        store.complete(scheduled(now.plus(Duration.ofDays(6)), "Room B", "Bob")).expect(200);
        incomplete(now.plus(Duration.ofDays(7)), "Room A", "Alice");
    }

    @Test
    void every_feed_holds_the_owners_scheduled_and_completed_bookings_as_both_parsers_read_them() throws IOException {
        var feeds = new TreeMap<String, String>();
        var expected = new HashMap<String, List<JsonNode>>();
        rooms.forEach((name, id) -> {
            feeds.put("room " + name, feed(store.path + "/rooms/" + id));
            expected.put("room " + name, shown(booking -> booking.path("room_id").asLong() == id));
        });
        dms.forEach((name, id) -> {
            feeds.put("dm " + name, feed(store.path + "/dms/" + id));
            expected.put("dm " + name, shown(booking -> hasDm(booking, id)));
        });
        var files = new ArrayList<Path>();
        var directory = Files.createDirectories(Path.of("target", "calendar-feeds"));
        for (var feed : feeds.entrySet()) {
            var text = feed.getValue();
            var label = feed.getKey();
            assertTrue(expected.get(label).size() >= 3, () -> label + ": too few bookings to check");
            for (var name : clientNames) {
                assertFalse(text.contains(name), () -> label + " shows a client's name");
            }
            assertFalse(text.contains(StoreSetup.CLIENT_PHONE), () -> label + " shows a client's phone");
            assertFalse(text.contains(StoreSetup.CLIENT_PHONE.replace(" ", "")), () -> label + " shows a client's phone");
            checkWithIcal4j(label, text, expected.get(label));
            var file = directory.resolve(label.replace(' ', '-') + "-" + store.storeId + ".ics");
            Files.writeString(file, text);
            files.add(file);
        }

        var read = IcalJs.read(files);
        var labels = new ArrayList<>(feeds.keySet());
        assertEquals(labels.size(), read.size(), "ical.js read every file");
        for (int i = 0; i < labels.size(); i++) {
            checkWithIcalJs(labels.get(i), read.get(i), expected.get(labels.get(i)));
        }
    }

    @Test
    void a_change_to_a_booking_keeps_its_uid_and_raises_its_sequence() {
        var roomId = rooms.get("Room A");
        var url = keyUrl(store.path + "/rooms/" + roomId);
        var bookingId = scheduled(Instant.now().plus(Duration.ofDays(20)), "Room A", "Bob");
        var before = eventOf(parse(get(url).text()), bookingId);
        var moved = Instant.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.MINUTES);
        server.api().patch(store.token, store.booking(bookingId), object("start_at", at(moved)), Map.of())
                .expect(200);
        var after = eventOf(parse(get(url).text()), bookingId);

        assertTrue(sequence(after) > sequence(before), "SEQUENCE was " + sequence(before) + ", now " + sequence(after));
        assertEquals(moved, instant(after, Property.DTSTART));
        store.cancel(bookingId).expect(200);
        assertFalse(uids(parse(get(url).text())).contains(bookingId), "a cancelled booking stays in the feed");
    }

    // --- checks

    private static void checkWithIcal4j(String label, String text, List<JsonNode> expected) {
        var calendar = parse(text);
        var zones = calendar.getComponents(Component.VTIMEZONE);
        assertEquals(1, zones.size(), label + ": one VTIMEZONE");
        assertEquals(NEW_YORK.getId(), zones.get(0).getProperty(Property.TZID).orElseThrow().getValue());
        var events = calendar.<VEvent>getComponents(Component.VEVENT);
        assertEquals(ids(expected), events.stream().map(CalendarFeedHttpTest::bookingId).toList(), label + ": the bookings, by start");
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var booking = expected.get(i);
            var what = label + ", booking " + booking.get("id");
            assertEquals(OffsetDateTime.parse(booking.get("start_at").asText()).toInstant(), instant(event, Property.DTSTART), what + ": DTSTART");
            assertEquals(OffsetDateTime.parse(booking.get("end_at").asText()).toInstant(), instant(event, Property.DTEND), what + ": DTEND");
            assertEquals(booking.get("version").asLong(), sequence(event), what + ": SEQUENCE");
            assertEquals(SCRIPT + " (3 players)", event.getProperty(Property.SUMMARY).orElseThrow().getValue(), what);
            assertEquals(roomName(booking), event.getProperty(Property.LOCATION).orElseThrow().getValue(), what);
            assertEquals(expectedZone(booking, "start_at"), zoneOf(event.getProperty(Property.DTSTART).orElseThrow()), what + ": DTSTART's zone");
            for (var name : List.of(Property.DTSTART, Property.DTEND)) {
                assertEquals(instant(event, name), byZoneName(event.getProperty(name).orElseThrow()), what + ": " + name + " read by the TZID's name");
            }
        }
    }

    private static void checkWithIcalJs(String label, JsonNode read, List<JsonNode> expected) {
        assertEquals(List.of(NEW_YORK.getId()), ApiClient.JSON.convertValue(read.get("zones"), List.class), label);
        var events = read.get("events");
        var found = new ArrayList<Long>();
        events.forEach(event -> found.add(idOf(event.get("uid").asText())));
        assertEquals(ids(expected), found, label + ": the bookings ical.js reads");
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var booking = expected.get(i);
            var what = label + ", booking " + booking.get("id") + " as ical.js reads it";
            assertEquals(OffsetDateTime.parse(booking.get("start_at").asText()).toInstant(), Instant.parse(event.get("start").asText()), what);
            assertEquals(OffsetDateTime.parse(booking.get("end_at").asText()).toInstant(), Instant.parse(event.get("end").asText()), what);
            assertEquals(booking.get("version").asLong(), event.get("sequence").asLong(), what);
            assertEquals(SCRIPT + " (3 players)", event.get("summary").asText(), what);
            assertEquals(roomName(booking), event.get("location").asText(), what);
            assertEquals("CONFIRMED", event.get("status").asText(), what);
            assertEquals(expectedZone(booking, "start_at"), event.get("start_zone").asText(), what);
        }
    }

    /**
     * The zone a start is written in: New York's, or UTC for a local time New York has twice, and
     * for one on the day the clock goes forward before the switch, which ical4j reads an hour off.
     */
    private static String expectedZone(JsonNode booking, String field) {
        var start = OffsetDateTime.parse(booking.get(field).asText()).toInstant();
        var local = start.atZone(NEW_YORK).toLocalDateTime();
        var forward = nextTransition(start.minus(Duration.ofDays(1)), false).getInstant();
        var beforeForwardSameDay = start.isBefore(forward) && forward.atZone(NEW_YORK).toLocalDate().equals(local.toLocalDate());
        return NEW_YORK.getRules().getValidOffsets(local).size() == 1 && !beforeForwardSameDay ? NEW_YORK.getId() : "UTC";
    }

    /**
     * A time as a calendar app reads it that takes the TZID for a name in the tz database and
     * ignores the VTIMEZONE: the local time at New York's offset then, when it has just one.
     */
    private static Instant byZoneName(Property property) {
        var value = property.getValue();
        if (property.getParameter(Parameter.TZID).isEmpty()) {
            return Instant.from(LOCAL.withZone(java.time.ZoneOffset.UTC).parse(value.substring(0, value.length() - 1)));
        }
        var local = java.time.LocalDateTime.parse(value, LOCAL);
        var offsets = NEW_YORK.getRules().getValidOffsets(local);
        assertEquals(1, offsets.size(), () -> "a local time New York has " + offsets.size() + " times: " + property);
        return local.atOffset(offsets.get(0)).toInstant();
    }

    // --- fixtures

    private static long scheduled(Instant start, String room, String dm) {
        var bookingId = incomplete(start, room, dm);
        store.confirm(bookingId).expect(200);
        return bookingId;
    }

    private static long incomplete(Instant start, String room, String dm) {
        var startAt = at(start.truncatedTo(ChronoUnit.MINUTES));
        var bookingId = store.createBooking(startAt, script.id(), rooms.get(room)).expect(201).get("id").asLong();
        for (var characterId : script.playerCharacterIds()) {
            var name = "Guest " + java.util.UUID.randomUUID();
            clientNames.add(name);
            var clientId = store.client(name);
            store.addClient(bookingId, clientId);
            store.matchClient(bookingId, characterId, clientId);
        }
        store.matchDm(bookingId, script.dmCharacterIds().get(0), dms.get(dm));
        bookings.add(bookingId);
        return bookingId;
    }

    /** The bookings a feed should show, as the API answers them now: scheduled or completed, from 30 days back to a year ahead, by start. */
    private static List<JsonNode> shown(java.util.function.Predicate<JsonNode> owned) {
        var now = Instant.now();
        return bookings.stream().map(store::get)
                .filter(owned)
                .filter(b -> b.get("status").asText().equals("scheduled") || b.get("status").asText().equals("completed"))
                .filter(b -> {
                    var start = OffsetDateTime.parse(b.get("start_at").asText()).toInstant();
                    return start.isAfter(now.minus(Duration.ofDays(30))) && start.isBefore(now.plus(Duration.ofDays(366)));
                })
                .sorted(java.util.Comparator.comparing((JsonNode b) -> OffsetDateTime.parse(b.get("start_at").asText()).toInstant())
                        .thenComparing(b -> b.get("id").asLong()))
                .toList();
    }

    private static String at(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, NEW_YORK).withSecond(0));
    }

    private static boolean hasDm(JsonNode booking, long dmId) {
        for (var match : booking.get("character_dm_matches")) {
            if (match.get("dm_id").asLong() == dmId) {
                return true;
            }
        }
        return false;
    }

    private static String roomName(JsonNode booking) {
        var roomId = booking.get("room_id").asLong();
        return rooms.entrySet().stream().filter(e -> e.getValue() == roomId).findFirst().orElseThrow().getKey();
    }

    private static ZoneOffsetTransition nextTransition(Instant after, boolean overlap) {
        var transition = NEW_YORK.getRules().nextTransition(after);
        while (transition.isOverlap() != overlap) {
            transition = NEW_YORK.getRules().nextTransition(transition.getInstant());
        }
        return transition;
    }

    // --- feeds

    /** A new key for the owner at {@code ownerPath}, as the path and query of its calendar URL. */
    static String keyUrl(String ownerPath) {
        var url = server.api().post(store.token, ownerPath + "/calendar-key", null).expect(200).get("calendar_url").asText();
        return url.substring(url.indexOf("/api/v1/"));
    }

    private static String feed(String ownerPath) {
        return get(keyUrl(ownerPath)).text();
    }

    private static ApiClient.Answer get(String url) {
        var answer = server.api().get(null, url);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("text/calendar; charset=utf-8", answer.header("Content-Type"));
        return answer;
    }

    static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("ical4j cannot parse the feed: " + e.getMessage() + "\n" + text, e);
        }
    }

    private static VEvent eventOf(Calendar calendar, long bookingId) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream().filter(e -> bookingId(e) == bookingId).findFirst()
                .orElseThrow(() -> new AssertionError("no event of booking " + bookingId));
    }

    private static List<Long> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream().map(CalendarFeedHttpTest::bookingId).toList();
    }

    private static long bookingId(VEvent event) {
        return idOf(event.getProperty(Property.UID).orElseThrow().getValue());
    }

    private static long idOf(String uid) {
        var matcher = UID.matcher(uid);
        assertTrue(matcher.matches(), () -> "a UID of another shape: " + uid);
        assertEquals(store.storeId, Long.parseLong(matcher.group(2)), uid);
        return Long.parseLong(matcher.group(1));
    }

    private static List<Long> ids(List<JsonNode> bookings) {
        return bookings.stream().map(b -> b.get("id").asLong()).toList();
    }

    private static long sequence(VEvent event) {
        return Long.parseLong(event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @SuppressWarnings("unchecked")
    private static Instant instant(VEvent event, String name) {
        var property = (DateProperty<Temporal>) event.getProperty(name).orElseThrow();
        return Instant.from(property.getDate());
    }

    private static String zoneOf(Property property) {
        return property.getParameter(Parameter.TZID).map(Parameter::getValue).orElseGet(() -> {
            assertTrue(property.getValue().endsWith("Z"), () -> "a floating time: " + property);
            return "UTC";
        });
    }
}

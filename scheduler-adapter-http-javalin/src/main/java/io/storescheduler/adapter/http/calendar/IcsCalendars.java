package io.storescheduler.adapter.http.calendar;

import io.storescheduler.application.calendar.CalendarEntry;
import io.storescheduler.application.calendar.CalendarFeed;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A calendar feed as RFC 5545 iCalendar, built and written by ical4j: the store's VTIMEZONE (from
 * the zones ical4j bundles), and one VEVENT per booking, its UID stable for the booking and its
 * SEQUENCE the booking's version. Times are local times with the zone's TZID, rendered by
 * {@code java.time} (the tz database, which calendar apps that read a TZID by its name use too),
 * except where some reader would take the local time for another instant: a local time that
 * happens twice (the hour a clock goes back), which a TZID cannot tell apart and readers take for
 * the first, and a local time that ical4j's own reading of its zone puts at another instant or
 * writes as another local time (it does so on the day New York's clock goes forward, before the
 * switch, and where its bundled zones differ from the JDK's). Those are written in UTC,
 * which every reader takes alike. A zone ical4j has no VTIMEZONE for is written in UTC throughout.
 * The summary holds the script and the party size, never a client.
 */
final class IcsCalendars {

    static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    /**
     * Lines are folded at 75 characters, RFC 5545's 75 octets while the feed is ASCII; a feed with
     * other characters is folded at 25, as a character takes at most 3 octets in UTF-8 (a pair of
     * surrogates, which ical4j never splits, 4 for the two), so no line passes 75 octets whatever
     * script the names are written in.
     */
    private static final int ASCII_FOLD_LENGTH = 75;
    private static final int FOLD_LENGTH = 25;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final ProdId PRODUCT = new ProdId("-//Store Scheduler//Calendar feeds//EN");

    private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
    /** At most one entry per zone of the tz database. */
    private final Map<ZoneId, Optional<VTimeZone>> zones = new ConcurrentHashMap<>();

    String write(CalendarFeed feed) {
        var calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", feed.store().name() + ": " + feed.ownerName()));
        var zone = feed.store().timezone();
        var timezone = vtimezone(zone);
        var local = timezone.isPresent();
        if (local) {
            calendar.add(timezone.get().copy());
            calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        }
        for (var entry : feed.entries()) {
            calendar.add(event(feed, entry, local ? zone : null));
        }
        var ascii = output(calendar, ASCII_FOLD_LENGTH);
        return ascii.chars().allMatch(c -> c < 0x80) ? ascii : output(calendar, FOLD_LENGTH);
    }

    private static String output(Calendar calendar, int foldLength) {
        var text = new StringWriter();
        try {
            new CalendarOutputter(true, foldLength).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * ical4j's VTIMEZONE of the zone, if it bundles one: for a zone it has none of, its registry
     * answers null or, for some names, fails inside its cache.
     */
    private Optional<VTimeZone> vtimezone(ZoneId zone) {
        return zones.computeIfAbsent(zone, id -> {
            try {
                return Optional.ofNullable(registry.getTimeZone(id.getId())).map(TimeZone::getVTimeZone);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static VEvent event(CalendarFeed feed, CalendarEntry entry, ZoneId zone) {
        var event = new VEvent(false);
        event.add(new Uid("booking-" + entry.bookingId() + "@store-" + feed.store().id() + ".store-scheduler"));
        event.add(new DtStamp(entry.updatedAt()));
        event.add(at(entry.startAt(), zone, (zoned, time) -> new DtStart<Temporal>(zoned, time), DtStart<Temporal>::new));
        event.add(at(entry.endAt(), zone, (zoned, time) -> new DtEnd<Temporal>(zoned, time), DtEnd<Temporal>::new));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, entry.version())));
        event.add(new Summary(summary(entry)));
        if (entry.roomName() != null) {
            event.add(new Location(entry.roomName()));
        }
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Created(entry.createdAt()));
        event.add(new LastModified(entry.updatedAt()));
        return event;
    }

    static String summary(CalendarEntry entry) {
        return entry.scriptName() + " (" + entry.partySize() + (entry.partySize() == 1 ? " player)" : " players)");
    }

    /**
     * The instant as a local time of {@code zone} with its TZID when every reader takes that local
     * time for this instant, else in UTC.
     */
    private static <P extends DateProperty<?>> P at(Instant instant, ZoneId zone, BiFunction<ParameterList, String, P> local,
            Function<Instant, P> utc) {
        if (zone != null) {
            var time = instant.atZone(zone).toLocalDateTime();
            if (zone.getRules().getValidOffsets(time).size() == 1) {
                var text = LOCAL_TIME.format(time);
                var property = local.apply(new ParameterList(List.of(new TzId(zone.getId()))), text);
                // ical4j keeps the time by its own reading of the zone, and writes it back from that
                if (Instant.from(property.getDate()).equals(instant) && property.getValue().equals(text)) {
                    return property;
                }
            }
        }
        return utc.apply(instant);
    }
}

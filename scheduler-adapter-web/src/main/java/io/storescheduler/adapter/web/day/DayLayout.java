package io.storescheduler.adapter.web.day;

import io.storescheduler.adapter.web.shared.GridStyles;
import io.storescheduler.adapter.web.shared.Texts;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.store.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lays a day out: the axis (the day's opening hours, widened to every booking on it), a lane per
 * room or per DM with its bookings as blocks, and the side lists. Pure: what it draws is what
 * {@link DayData} holds; its rooms and bookings are indexed once, so a day of 300 bookings in 50
 * rooms costs no lookup per pair.
 */
public final class DayLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int DEFAULT_OPEN_HOUR = 10;
    private static final int DEFAULT_CLOSE_HOUR = 22;
    private static final Comparator<Room> ROOM_ORDER = Comparator.comparing((Room r) -> r.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Room::id);
    private static final Comparator<Dm> DM_ORDER = Comparator.comparing((Dm d) -> d.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Dm::id);

    private final DayData data;
    private final Texts texts;
    private final String dayPath;
    private final boolean dmView;
    private final Map<RoomId, Room> rooms;
    private final Map<BookingId, BookingView> bookings;

    public DayLayout(DayData data, Texts texts, String dayPath, boolean dmView) {
        this.data = data;
        this.texts = texts;
        this.dayPath = dayPath;
        this.dmView = dmView;
        this.rooms = data.roomsById();
        this.bookings = data.bookingsById();
    }

    public Axis axis() {
        var hours = openingsOfTheDay();
        var from = Stream.concat(hours.stream().map(OpeningHours.Interval::from), onBoard().map(b -> b.booking().startAt()))
                .min(Comparator.naturalOrder()).orElseThrow();
        var to = Stream.concat(hours.stream().map(OpeningHours.Interval::to), onBoard().map(this::occupiedUntil))
                .max(Comparator.naturalOrder()).orElseThrow();
        var start = max(data.start(), data.local(from).truncatedTo(ChronoUnit.HOURS).toInstant());
        var limit = data.start().plus(Duration.ofMinutes((long) GridStyles.MAX_COLUMNS * GridStyles.MINUTES_A_COLUMN));
        var end = min(limit, ceilHour(max(to, start.plus(Duration.ofHours(1)))));
        return new Axis(start, end, data.store().timezone());
    }

    /** The openings that begin on the day; a store always open, or closed that day, gets the usual day of a store. */
    private List<OpeningHours.Interval> openingsOfTheDay() {
        var openings = data.store().openingHours().openings(data.start(), data.end(), data.store().timezone()).stream()
                .filter(o -> !o.from().isBefore(data.start()) && o.from().isBefore(data.end())).toList();
        return openings.isEmpty() ? List.of(new OpeningHours.Interval(atHour(DEFAULT_OPEN_HOUR), atHour(DEFAULT_CLOSE_HOUR))) : openings;
    }

    public List<Lane> lanes(Axis axis) {
        return dmView ? dmLanes(axis) : roomLanes(axis);
    }

    public List<SideEntry> side(BookingStatus status) {
        return data.bookings().stream().filter(b -> b.booking().status() == status)
                .map(b -> new SideEntry(b.booking().id().value(), status.code(), time(b.booking()), title(b.booking()),
                        href(b.booking().id()), panelPath(b.booking().id())))
                .toList();
    }

    private List<Lane> roomLanes(Axis axis) {
        var shown = data.rooms().stream().filter(r -> r.active() || onBoard().anyMatch(b -> r.id().equals(b.booking().roomId())))
                .sorted(ROOM_ORDER).toList();
        return shown.stream().map(room -> new Lane(room.name(), texts.get("lane.room_detail", Integer.toString(room.capacity())),
                "room-" + room.id(), newBookingPath(room), blocks(axis, b -> room.id().equals(b.booking().roomId())))).toList();
    }

    private List<Lane> dmLanes(Axis axis) {
        var lanes = new ArrayList<Lane>();
        data.dms().stream().filter(d -> d.active() || onBoard().anyMatch(b -> b.booking().dmIds().contains(d.id())))
                .sorted(DM_ORDER)
                .forEach(dm -> lanes.add(new Lane(dm.name(), "", "dm-" + dm.id(), null,
                        blocks(axis, b -> b.booking().dmIds().contains(dm.id())))));
        lanes.add(new Lane(texts.get("lane.no_dm"), "", "dm-none", null, blocks(axis, b -> b.booking().dmIds().isEmpty())));
        return lanes;
    }

    private List<Block> blocks(Axis axis, Predicate<BookingView> inLane) {
        return onBoard().filter(inLane).filter(b -> axis.shows(b.booking().startAt(), occupiedUntil(b)))
                .map(b -> block(axis, b)).toList();
    }

    private Block block(Axis axis, BookingView view) {
        var booking = view.booking();
        var end = Objects.requireNonNullElse(booking.endAt(), booking.startAt());
        var turnaround = turnaround(booking);
        var conflictText = view.conflicts().hasConflict() ? conflictText(view) : "";
        var label = texts.get("block.label", title(booking), time(booking), texts.get("status." + booking.status().code()))
                + (conflictText.isEmpty() ? "" : ". " + conflictText);
        var turnaroundSpan = turnaround.isZero() || !end.isBefore(axis.to()) ? 0 : axis.span(end, end.plus(turnaround));
        return new Block(booking.id().value(), booking.status().code(), view.conflicts().hasConflict(), title(booking), time(booking),
                label, conflictText, axis.column(booking.startAt()), axis.span(booking.startAt(), end),
                turnaroundSpan == 0 ? 0 : axis.column(end), turnaroundSpan, href(booking.id()), panelPath(booking.id()));
    }

    /** What the booking clashes with, in words: each other booking's script and start, when it is on this day. */
    public String conflictText(BookingView view) {
        var names = view.conflicts().bookingIds().stream().map(id -> {
            var other = bookings.get(id);
            return other == null ? "#" + id : "#" + id + " " + title(other.booking()) + " " + TIME.format(data.local(other.booking().startAt()));
        }).toList();
        var more = view.conflicts().count() - names.size();
        return texts.get("block.clashes", String.join(", ", names)) + (more > 0 ? " " + texts.get("block.clashes_more", Integer.toString(more)) : "");
    }

    public String title(Booking booking) {
        return data.script(booking.scriptId()).map(s -> s.name()).orElse(texts.get("booking.no_script"));
    }

    public String time(Booking booking) {
        var start = TIME.format(data.local(booking.startAt()));
        return booking.endAt() == null ? start : start + "–" + TIME.format(data.local(booking.endAt()));
    }

    private Duration turnaround(Booking booking) {
        var room = booking.roomId() == null ? null : rooms.get(booking.roomId());
        return room == null || booking.status() != BookingStatus.SCHEDULED ? Duration.ZERO : room.turnaround();
    }

    private Instant occupiedUntil(BookingView view) {
        var end = Objects.requireNonNullElse(view.booking().endAt(), view.booking().startAt());
        return end.plus(turnaround(view.booking()));
    }

    /** The bookings drawn on lanes: scheduled and completed ones; incomplete and cancelled ones are listed beside. */
    private Stream<BookingView> onBoard() {
        return data.bookings().stream().filter(b -> b.booking().status() == BookingStatus.SCHEDULED
                || b.booking().status() == BookingStatus.COMPLETED);
    }

    private String href(BookingId id) {
        return dayPath + "?booking=" + id + (dmView ? "&view=dms" : "");
    }

    private String panelPath(BookingId id) {
        return "/board/stores/" + data.store().id() + "/bookings/" + id + "/panel";
    }

    private String newBookingPath(Room room) {
        return dayPath + "/new?room_id=" + room.id();
    }

    private Instant atHour(int hour) {
        return data.day().atTime(hour, 0).atZone(data.store().timezone()).toInstant();
    }

    private Instant ceilHour(Instant instant) {
        var floor = data.local(instant).truncatedTo(ChronoUnit.HOURS).toInstant();
        return floor.equals(instant) ? instant : floor.plus(Duration.ofHours(1));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.booking.ConflictingBooking;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * For bench/shapes: runs each conflict query of {@link JooqConflictFinder} through the adapter's
 * own wiring ({@link JooqPersistence}) against the benchmark's database, and the alternative each
 * shape replaced or avoids, built on the same {@link Overlap} condition; writes what each sent to
 * the driver, its parameters inlined by the driver ({@code PreparedStatement.toString()}), one
 * pgbench script per variant, and refuses to write them when a shape and its alternative answer
 * differently. Arguments: the JDBC URL, the output directory, the measured day's start (an ISO
 * instant). In this package for {@link Overlap}, which is package-private.
 */
public final class ShapeStatements {

    private static final StoreId STORE = new StoreId(1);
    private static final List<String> SENT = new ArrayList<>();
    private static Path out;

    public static void main(String[] args) throws Exception {
        var pg = new PGSimpleDataSource();
        pg.setUrl(args[0]);
        pg.setUser("postgres");
        out = Path.of(args[1]);
        var day = Instant.parse(args[2]);
        var persistence = new JooqPersistence(recording(pg));
        var dsl = persistence.dsl();
        var finder = new JooqConflictFinder(dsl);
        var bookings = new JooqBookingRepository(dsl);

        var page = bookings.list(STORE, new BookingFilter(Set.of(), day, day.plus(Duration.ofDays(1)), null, null, null),
                new PageRequest(50, 0)).items();
        var entries = page.stream().filter(b -> BookingLifecycle.showsConflicts(b.status())).map(Booking::scheduleEntry).toList();
        var each = capture("page_lateral", () -> finder.conflictsOfEach(STORE, entries));
        var one = capture("page_each", () -> {
            var reports = new HashMap<BookingId, ConflictReport>();
            entries.forEach(entry -> reports.put(entry.bookingId(), finder.conflictsOf(STORE, entry)));
            return reports;
        });
        entries.forEach(entry -> same("page", each.getOrDefault(entry.bookingId(), ConflictReport.none()), one.get(entry.bookingId())));

        // the subject of the single-booking shapes: the page's booking with the most conflicts
        var subject = entries.stream().max(Comparator.comparingInt(entry -> each.get(entry.bookingId()).count())).orElseThrow();
        System.out.printf("page: %d bookings, %d with conflicts; subject %s with %d%n", entries.size(),
                each.values().stream().filter(report -> report.count() > 0).count(), subject.bookingId(),
                each.get(subject.bookingId()).count());
        same("aggregate", capture("count_aggregate", () -> finder.conflictsOf(STORE, subject)),
                capture("count_limited", () -> countAndLimitedIds(dsl, subject)));

        same("get", capture("get_lateral", () -> bookings.findWithConflicts(STORE, subject.bookingId()).orElseThrow().conflicts()),
                capture("get_two", () -> finder.conflictsOf(STORE, bookings.find(STORE, subject.bookingId()).orElseThrow().scheduleEntry())));

        var rooms = dsl.select(ROOM.ID).from(ROOM).where(ROOM.STORE_ID.eq(STORE)).orderBy(ROOM.ID).fetch(ROOM.ID);
        same("rooms", capture("rooms_grouped", () -> finder.roomConflictCounts(STORE, subject.bookingId(), subject.startAt(), subject.endAt())),
                capture("rooms_each", () -> countPerRoom(dsl, rooms, subject)));

        var to = day.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(180));
        same("around", capture("around_range", () -> ids(finder.scheduledAround(STORE, day, to))),
                capture("around_start", () -> scheduledByStart(dsl, day, to)));

        same("conflicting", capture("conflicting_page", () -> {
            var conflicting = finder.conflictingBookings(STORE, subject, new PageRequest(20, 0));
            return conflicting.items().stream().map(ConflictingBooking::bookingId).toList() + " of " + conflicting.total();
        }), capture("conflicting_window", () -> pageCountedOver(dsl, subject, 20)));
    }

    /**
     * The page of conflicting bookings with their total in one statement, {@code count(*) OVER ()}:
     * the shape conflictingBookings' second statement, the count, avoids.
     */
    private static String pageCountedOver(DSLContext dsl, ScheduleEntry subject, int limit) {
        var sharedDms = array(select(CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT)).from(CHARACTER_DM_MATCH).where(
                CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID), CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID),
                CHARACTER_DM_MATCH.DM_ID.in(subject.dmIds())).orderBy(CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT)));
        var rows = dsl.select(BOOKING.ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.ROOM_ID, BOOKING.ROOM_ID.eq(subject.roomId()), sharedDms,
                        count().over())
                .from(BOOKING).where(Overlap.of(STORE, subject).conflictsWith(BOOKING)).orderBy(BOOKING.ID).limit(limit).fetch();
        return rows.map(row -> row.value1()) + " of " + (rows.isEmpty() ? 0 : rows.get(0).value7());
    }

    /** The count, and the smallest ids by a second, LIMITed subquery: the shape the one aggregate replaced. */
    private static ConflictReport countAndLimitedIds(DSLContext dsl, ScheduleEntry subject) {
        var found = BOOKING.as("found");
        var ids = array(select(found.ID.coerce(SQLDataType.BIGINT)).from(found).where(Overlap.of(STORE, subject).conflictsWith(found))
                .orderBy(found.ID).limit(ConflictReport.LISTED_IDS));
        return dsl.select(count(), ids).from(BOOKING).where(Overlap.of(STORE, subject).conflictsWith(BOOKING))
                .fetchSingle(record -> new ConflictReport(Arrays.stream(record.value2()).map(BookingId::new).toList(), record.value1()));
    }

    /** roomConflictCounts' condition, one count per room of the store: the shape GROUP BY avoids. */
    private static Map<RoomId, Integer> countPerRoom(DSLContext dsl, List<RoomId> rooms, ScheduleEntry subject) {
        var counts = new HashMap<RoomId, Integer>();
        for (var room : rooms) {
            int count = dsl.selectCount().from(BOOKING)
                    .where(Overlap.scheduledDuring(BOOKING, Overlap.typed(STORE, Overlap.STORE_ID), Overlap.typed(subject.bookingId(), Overlap.BOOKING_ID),
                            val(subject.startAt().minus(Overlap.LONGEST_TURNAROUND)), val(subject.endAt().plus(Overlap.LONGEST_TURNAROUND))))
                    .and(BOOKING.ROOM_ID.eq(Overlap.typed(room, Overlap.ROOM_ID)))
                    .and(Overlap.occupiesRoomDuring(BOOKING, val(subject.startAt()), val(subject.endAt())))
                    .fetchSingle(0, int.class);
            if (count > 0) {
                counts.put(room, count);
            }
        }
        return counts;
    }

    /**
     * scheduledAround's rows found by start on the btree {@code booking_scheduled_start_idx}, as the
     * conflict queries did before the GiST range indexes: every scheduled game starting within a day
     * and four hours before the window, its end checked row by row.
     */
    private static List<BookingId> scheduledByStart(DSLContext dsl, Instant from, Instant to) {
        var dms = array(select(CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT)).from(CHARACTER_DM_MATCH)
                .where(CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID), CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID)));
        var widenedFrom = from.minus(Overlap.LONGEST_TURNAROUND);
        return dsl.select(BOOKING.ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.ROOM_ID, dms).from(BOOKING)
                .where(BOOKING.STORE_ID.eq(Overlap.typed(STORE, Overlap.STORE_ID)), BOOKING.STATUS.eq(DSL.inline("scheduled")),
                        BOOKING.START_AT.ge(val(widenedFrom.minus(Duration.ofDays(1)))),
                        BOOKING.START_AT.lt(val(to.plus(Overlap.LONGEST_TURNAROUND))), BOOKING.END_AT.gt(val(widenedFrom)))
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .fetch(BOOKING.ID);
    }

    private static List<BookingId> ids(List<ScheduleEntry> entries) {
        return entries.stream().map(ScheduleEntry::bookingId).toList();
    }

    /** Runs {@code work}, writing the statements it sent to NAME.sql, one pgbench transaction. */
    private static <T> T capture(String name, Supplier<T> work) {
        SENT.clear();
        var result = work.get();
        try (var file = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".sql")))) {
            SENT.forEach(statement -> file.println(statement.replace('\n', ' ') + ";"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf("%s: %d statement(s)%n", name, SENT.size());
        return result;
    }

    private static void same(String what, Object shape, Object alternative) {
        if (!Objects.equals(shape, alternative)) {
            throw new IllegalStateException(what + ": the shape answered " + shape + ", its alternative " + alternative);
        }
    }

    /** A data source whose prepared statements note their SQL, parameters inlined, as they execute. */
    private static DataSource recording(PGSimpleDataSource pg) {
        return (DataSource) Proxy.newProxyInstance(ShapeStatements.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    var result = invoke(method, pg, args);
                    return result instanceof Connection connection ? wrap(Connection.class, connection) : result;
                });
    }

    private static <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(ShapeStatements.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (target instanceof PreparedStatement && method.getName().startsWith("execute") && (args == null || args.length == 0)) {
                SENT.add(target.toString());
            }
            var result = invoke(method, target, args);
            return result instanceof PreparedStatement statement && method.getName().startsWith("prepare")
                    ? wrap(PreparedStatement.class, statement) : result;
        }));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

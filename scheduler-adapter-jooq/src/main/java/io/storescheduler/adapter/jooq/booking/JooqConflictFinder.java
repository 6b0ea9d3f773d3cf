package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;

import io.storescheduler.adapter.jooq.schema.tables.Booking;
import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.application.booking.ConflictingBooking;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.Row6;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The conflict queries, each built on the one overlap condition of {@link Overlap}: a booking's
 * conflicts, a page of bookings' conflicts in one statement, the conflicts of a booking row read
 * with it, the rooms' conflict counts a confirm chooses from, and the scheduled games around an
 * availability window. Two bookings conflict when they share a room while both need it,
 * {@code [start_at, end_at + the room's turnaround)}, or a DM while both play,
 * {@code [start_at, end_at)}; the turnaround is read from the room row in the same statement, so
 * conflicts follow a room's new turnaround at once, and two bookings of one room are judged by the
 * same value, which keeps the rule symmetric.
 *
 * <p>However crowded a room gets, an answer stays small: each booking's conflicts are counted and
 * their smallest {@link ConflictReport#LISTED_IDS} ids taken in one aggregate in the database
 * ({@code count(*)} and a slice of {@code array_agg(id ORDER BY id)}), so only those ids leave it;
 * the rest are paged through by {@link #conflictingBookings}. One aggregate beats a second,
 * {@code LIMIT}ed subquery for the ids, which reads the overlapping rows twice.
 *
 * <p>Each shape's figures against the alternative it replaced or avoids, measured by
 * {@code bench/shapes}, are in BENCHMARKS.md, "The conflict statements, shape by shape".
 */
public record JooqConflictFinder(DSLContext dsl) implements ConflictFinder {

    private static final Duration LONGEST_TURNAROUND = Overlap.LONGEST_TURNAROUND;
    /** No booking's id: the windows of availability leave none out. */
    private static final BookingId NO_BOOKING = new BookingId(0);
    private static final String COUNT = "conflict_count";
    private static final String SMALLEST_IDS = "conflict_ids";
    private static final List<Field<String>> SHOWING_CONFLICTS = Arrays.stream(BookingStatus.values())
            .filter(BookingLifecycle::showsConflicts)
            .<Field<String>>map(status -> inline(status.code()))
            .toList();

    @Override
    public ConflictReport conflictsOf(StoreId storeId, ScheduleEntry entry) {
        if (!canConflict(entry)) {
            return ConflictReport.none();
        }
        return dsl.select(count(), smallestIds(BOOKING))
                .from(BOOKING)
                .where(Overlap.of(storeId, entry).conflictsWith(BOOKING))
                .fetchSingle(record -> report(record.value1(), record.value2()));
    }

    @Override
    public Page<ConflictingBooking> conflictingBookings(StoreId storeId, ScheduleEntry entry, PageRequest page) {
        if (!canConflict(entry)) {
            return new Page<>(List.of(), page, 0);
        }
        // a booking without a room shares none: false, not the null its comparison gives
        var sharesRoom = coalesce(DSL.field(sharesRoom(entry.roomId())), inline(false));
        var sharedDms = array(selectDistinct(CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT)).from(CHARACTER_DM_MATCH).where(
                        CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID),
                        CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID),
                        CHARACTER_DM_MATCH.DM_ID.in(entry.dmIds()))
                .orderBy(CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT)));
        var conflicting = Overlap.of(storeId, entry).conflictsWith(BOOKING);
        var items = dsl.select(BOOKING.ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.ROOM_ID, sharesRoom, sharedDms)
                .from(BOOKING)
                .where(conflicting)
                .orderBy(BOOKING.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(record -> new ConflictingBooking(record.value1(), record.value2(), record.value3(), record.value4(),
                        record.value5(), Arrays.stream(record.value6()).map(DmId::new).toList()));
        return new Page<>(items, page, dsl.fetchCount(BOOKING, conflicting));
    }

    /**
     * The same conditions as {@link #conflictsOf}, joined LATERAL against the entries given as a
     * {@code VALUES} list, each with its DMs as an array, so a page of bookings costs one query and
     * answers one row per entry, however many conflicts each has.
     */
    @Override
    public Map<BookingId, ConflictReport> conflictsOfEach(StoreId storeId, Collection<ScheduleEntry> entries) {
        // one row per booking: a booking given twice would be a duplicate key of the answer
        var timed = entries.stream().filter(JooqConflictFinder::canConflict).distinct().toList();
        if (timed.isEmpty()) {
            return Map.of();
        }
        var entry = values(timed.stream().map(one -> Overlap.entryRow(storeId, one)).toList().toArray(Row6[]::new))
                .as("entry", Overlap.ENTRY_COLUMNS);
        var entryId = entry.field("booking_id", Overlap.BOOKING_ID);
        var conflicts = summaryOf(BOOKING, Overlap.ofEntries(entry, timed).conflictsWith(BOOKING));
        return dsl.select(entryId).select(conflicts.fields())
                .from(entry)
                .crossJoin(conflicts)
                .fetchMap(record -> record.get(entryId), record -> report(record, conflicts));
    }

    /**
     * How many {@code found} rows {@code conflicting} picks, and the smallest of their ids, as a
     * one-row table to join LATERAL to the query whose rows {@code conflicting} refers to.
     */
    private static Table<Record2<Integer, Long[]>> summaryOf(Booking found, Condition conflicting) {
        return lateral(select(count().as(COUNT), smallestIds(found).as(SMALLEST_IDS)).from(found).where(conflicting).asTable("conflicts"));
    }

    /** The ids of the rows an aggregate query picks, the smallest {@link ConflictReport#LISTED_IDS} of them, ascending. */
    private static Field<Long[]> smallestIds(Booking found) {
        // "1 : n", not "1:n": run as plain SQL (RenderedQuery), ":n" would read as a named parameter
        return DSL.field("({0})[1 : {1}]", SQLDataType.BIGINT.array(), arrayAgg(found.ID).orderBy(found.ID),
                inline(ConflictReport.LISTED_IDS));
    }

    /** The report a row joined to {@link #summaryOf} carries. */
    static ConflictReport report(Record record, Table<Record2<Integer, Long[]>> summary) {
        return report(record.get(summary.field(COUNT, Integer.class)), record.get(summary.field(SMALLEST_IDS, Long[].class)));
    }

    /** Over no rows at all, {@code array_agg} is null. */
    private static ConflictReport report(int count, Long[] smallestIds) {
        return new ConflictReport(smallestIds == null ? List.of() : Arrays.stream(smallestIds).map(BookingId::new).toList(), count);
    }

    /** Without a time, or with neither a room nor a DM, a booking shares nothing with another: no query needed. */
    private static boolean canConflict(ScheduleEntry entry) {
        return entry.hasTime() && (entry.roomId() != null || !entry.dmIds().isEmpty());
    }

    @Override
    public Map<RoomId, Integer> roomConflictCounts(StoreId storeId, BookingId bookingId, Instant startAt, Instant endAt) {
        return dsl.select(BOOKING.ROOM_ID, count())
                .from(BOOKING)
                .where(Overlap.scheduledDuring(BOOKING, Overlap.typed(storeId, Overlap.STORE_ID), Overlap.typed(bookingId, Overlap.BOOKING_ID),
                        val(startAt.minus(LONGEST_TURNAROUND)), val(endAt.plus(LONGEST_TURNAROUND))))
                .and(BOOKING.ROOM_ID.isNotNull())
                .and(Overlap.occupiesRoomDuring(BOOKING, val(startAt), val(endAt)))
                .groupBy(BOOKING.ROOM_ID)
                .fetchMap(BOOKING.ROOM_ID, count());
    }

    /** The scheduled games that may need a room or a DM during the window: those overlapping it widened by the longest turnaround. */
    @Override
    public List<ScheduleEntry> scheduledAround(StoreId storeId, Instant from, Instant to) {
        var dms = array(select(CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT)).from(CHARACTER_DM_MATCH)
                .where(CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID), CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID)));
        return dsl.select(BOOKING.ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.ROOM_ID, dms)
                .from(BOOKING)
                .where(Overlap.scheduledDuring(BOOKING, Overlap.typed(storeId, Overlap.STORE_ID), Overlap.typed(NO_BOOKING, Overlap.BOOKING_ID),
                        val(from.minus(LONGEST_TURNAROUND)), val(to.plus(LONGEST_TURNAROUND))))
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .fetch(record -> new ScheduleEntry(record.value1(), BookingStatus.SCHEDULED, record.value2(), record.value3(),
                        record.value4(), dmIds(record.value5())));
    }

    /**
     * The conflicts of the booking row {@code subject} of an outer query, as a table of one row to
     * join LATERAL to it and read with {@link #report(Record, Table)}: a read of a booking brings
     * its conflicts along in the same statement.
     */
    static Table<Record2<Integer, Long[]>> conflictsOfRow(Booking subject) {
        var found = BOOKING.as("found");
        return summaryOf(found, conflictsWithRow(subject, found));
    }

    /**
     * The same condition as {@link #conflictsOf}, correlated: does {@code found} conflict with the
     * booking row {@code subject} of an outer query? False unless the subject's status shows
     * conflicts; with no time, or neither a room nor a DM, the subject matches nothing, as
     * {@link #canConflict} says.
     */
    private static Condition conflictsWithRow(Booking subject, Booking found) {
        return subject.STATUS.in(SHOWING_CONFLICTS).and(Overlap.ofRow(subject).conflictsWith(found));
    }

    private static Set<DmId> dmIds(Long[] ids) {
        return Arrays.stream(ids).map(DmId::new).collect(Collectors.toUnmodifiableSet());
    }

    private static Condition sharesRoom(RoomId roomId) {
        return roomId == null ? falseCondition() : BOOKING.ROOM_ID.eq(roomId);
    }
}

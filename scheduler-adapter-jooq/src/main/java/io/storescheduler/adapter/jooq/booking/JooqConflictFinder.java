package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.cast;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
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
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Room;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.Row7;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.types.DayToSecond;

/**
 * The overlap queries, all in one place. Two bookings overlap when each starts before the other
 * ends: their games {@code [start_at, end_at)} for a shared DM, the times they occupy a shared room,
 * {@code [start_at, end_at + the room's turnaround)}, for a shared room. The turnaround is read from
 * the room row in the same statement, so conflicts follow a room's new turnaround at once, and two
 * bookings of one room are judged by the same value, which keeps the rule symmetric.
 *
 * <p>Every query finds its candidates by range overlap ({@code &&}) on the GiST indexes of the
 * scheduled games, {@code booking_scheduled_during_idx (store_id, during)} for a shared DM and
 * {@code booking_room_scheduled_during_idx (store_id, room_id, during)} for a shared room, where
 * {@code during} is {@link #during the game's range}. A shared DM's candidates are exactly the games
 * overlapping the interval; a shared room's are the room's games overlapping it widened by the
 * longest turnaround ({@link Room#MAX_TURNAROUND_MINUTES}, checked by the database), and the exact
 * rule sorts them. So a query reads the games around its interval only, however long the store's
 * history and however long a game may last.
 *
 * <p>However crowded a room gets, an answer stays small: each booking's conflicts are counted and
 * their smallest {@link ConflictReport#LISTED_IDS} ids taken in one aggregate in the database
 * ({@code count(*)} and a slice of {@code array_agg(id ORDER BY id)}), so only those ids leave it;
 * the rest are paged through by {@link #conflictingBookings}. One aggregate beats a second,
 * {@code LIMIT}ed subquery for the ids, which reads the overlapping rows twice.
 */
public final class JooqConflictFinder implements ConflictFinder {

    private static final Duration LONGEST_TURNAROUND = Duration.ofMinutes(Room.MAX_TURNAROUND_MINUTES);
    private static final String COUNT = "conflict_count";
    private static final String SMALLEST_IDS = "conflict_ids";
    private static final List<Field<String>> SHOWING_CONFLICTS = Arrays.stream(BookingStatus.values())
            .filter(BookingLifecycle::showsConflicts)
            .<Field<String>>map(status -> inline(status.code()))
            .toList();

    private final DSLContext dsl;

    public JooqConflictFinder(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ConflictReport conflictsOf(long storeId, ScheduleEntry entry) {
        if (!canConflict(entry)) {
            return ConflictReport.none();
        }
        return dsl.select(count(), smallestIds(BOOKING))
                .from(BOOKING)
                .where(conflicting(storeId, entry))
                .fetchSingle(record -> report(record.value1(), record.value2()));
    }

    @Override
    public Page<ConflictingBooking> conflictingBookings(long storeId, ScheduleEntry entry, PageRequest page) {
        if (!canConflict(entry)) {
            return new Page<>(List.of(), page, 0);
        }
        // a booking without a room shares none: false, not the null its comparison gives
        var sharesRoom = coalesce(DSL.field(sharesRoom(entry.roomId())), inline(false));
        var sharedDms = array(selectDistinct(CHARACTER_DM_MATCH.DM_ID).from(CHARACTER_DM_MATCH).where(
                        CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID),
                        CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID),
                        CHARACTER_DM_MATCH.DM_ID.in(entry.dmIds()))
                .orderBy(CHARACTER_DM_MATCH.DM_ID));
        var items = dsl.select(BOOKING.ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.ROOM_ID, sharesRoom, sharedDms)
                .from(BOOKING)
                .where(conflicting(storeId, entry))
                .orderBy(BOOKING.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(record -> new ConflictingBooking(record.value1(), record.value2(), record.value3(), record.value4(),
                        record.value5(), Arrays.asList(record.value6())));
        return new Page<>(items, page, dsl.fetchCount(BOOKING, conflicting(storeId, entry)));
    }

    /** The scheduled bookings other than {@code entry} that share its room while it is occupied, or one of its DMs while they play. */
    private static Condition conflicting(long storeId, ScheduleEntry entry) {
        var store = typed(storeId, BOOKING.STORE_ID);
        Field<Long> subject = val(entry.bookingId());
        Field<Instant> start = val(entry.startAt());
        Field<Instant> end = val(entry.endAt());
        var sharingRoom = entry.roomId() == null ? falseCondition()
                : sharesRoomDuring(BOOKING, store, subject, typed(entry.roomId(), BOOKING.ROOM_ID), start, end, val(entry.startAt().minus(LONGEST_TURNAROUND)),
                        val(entry.endAt().plus(LONGEST_TURNAROUND)));
        return sharingRoom.or(sharesDmDuring(BOOKING, store, subject, sharesDm(entry), start, end));
    }

    /**
     * The same conditions as {@link #conflictsOf}, joined LATERAL against the entries given as a
     * {@code VALUES} list, each with its DMs as an array, so a page of bookings costs one query and
     * answers one row per entry, however many conflicts each has.
     */
    @Override
    public Map<Long, ConflictReport> conflictsOfEach(long storeId, Collection<ScheduleEntry> entries) {
        // one row per booking: a booking given twice would be a duplicate key of the answer
        var timed = entries.stream().filter(JooqConflictFinder::canConflict).distinct().toList();
        if (timed.isEmpty()) {
            return Map.of();
        }
        var entry = values(timed.stream().map(JooqConflictFinder::entryRow).toList().toArray(Row7[]::new))
                .as("entry", "booking_id", "room_from", "room_to", "start_at", "end_at", "room_id", "dm_ids");
        var entryId = entry.field("booking_id", Long.class);
        var start = entry.field("start_at", Instant.class);
        var end = entry.field("end_at", Instant.class);
        var store = typed(storeId, BOOKING.STORE_ID);
        var conflicts = summaryOf(BOOKING, sharesRoomDuring(BOOKING, store, entryId, entry.field("room_id", Long.class), start, end,
                        entry.field("room_from", Instant.class), entry.field("room_to", Instant.class))
                .or(sharesDmDuring(BOOKING, store, entryId, sharesDmOfEntry(timed, entry.field("dm_ids", Long[].class)), start, end)));
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
        return new ConflictReport(smallestIds == null ? List.of() : Arrays.asList(smallestIds), count);
    }

    /** Without a time, or with neither a room nor a DM, a booking shares nothing with another: no query needed. */
    private static boolean canConflict(ScheduleEntry entry) {
        return entry.hasTime() && (entry.roomId() != null || !entry.dmIds().isEmpty());
    }

    private static Row7<Long, Instant, Instant, Instant, Instant, Long, Long[]> entryRow(ScheduleEntry entry) {
        return row(typed(entry.bookingId(), BOOKING.ID), typed(entry.startAt().minus(LONGEST_TURNAROUND), BOOKING.START_AT),
                typed(entry.endAt().plus(LONGEST_TURNAROUND), BOOKING.START_AT),
                typed(entry.startAt(), BOOKING.START_AT), typed(entry.endAt(), BOOKING.END_AT), typed(entry.roomId(), BOOKING.ROOM_ID),
                dmIdsOf(entry));
    }

    /**
     * A value cast to the column's type: PostgreSQL would take an untyped parameter in {@code VALUES}
     * for text, and a GiST index of {@code btree_gist} serves {@code bigint = bigint} only, not the
     * {@code bigint = integer} an inlined small number reads as.
     */
    private static <T> Field<T> typed(T value, Field<T> column) {
        return cast(val(value, column), column.getDataType());
    }

    /**
     * Does the {@code BOOKING} row share a DM with the entry whose DMs are {@code entryDmIds}? One
     * probe of {@code character_dm_match} per scanned row, with the entry's DMs as an array of its
     * own {@code VALUES} row: a join against a list of every entry's DMs, filtered by entry, probed
     * that whole list for each scanned row (BENCHMARKS.md, "The run at c90e7f1").
     */
    private static Condition sharesDmOfEntry(List<ScheduleEntry> entries, Field<Long[]> entryDmIds) {
        if (entries.stream().allMatch(entry -> entry.dmIds().isEmpty())) {
            return falseCondition();
        }
        return exists(selectOne().from(CHARACTER_DM_MATCH).where(
                CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID),
                CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID),
                CHARACTER_DM_MATCH.DM_ID.eq(DSL.any(entryDmIds))));
    }

    @Override
    public Map<Long, Integer> roomConflictCounts(long storeId, long bookingId, Instant startAt, Instant endAt) {
        return dsl.select(BOOKING.ROOM_ID, count())
                .from(BOOKING)
                .where(scheduledDuring(BOOKING, typed(storeId, BOOKING.STORE_ID), val(bookingId), val(startAt.minus(LONGEST_TURNAROUND)),
                        val(endAt.plus(LONGEST_TURNAROUND))))
                .and(BOOKING.ROOM_ID.isNotNull())
                .and(occupiesRoomDuring(BOOKING, val(startAt), val(endAt)))
                .groupBy(BOOKING.ROOM_ID)
                .fetchMap(BOOKING.ROOM_ID, count());
    }

    /** The scheduled games that may need a room or a DM during the window: those overlapping it widened by the longest turnaround. */
    @Override
    public List<ScheduleEntry> scheduledAround(long storeId, Instant from, Instant to) {
        var dms = array(select(CHARACTER_DM_MATCH.DM_ID).from(CHARACTER_DM_MATCH)
                .where(CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID), CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID)));
        return dsl.select(BOOKING.ID, BOOKING.START_AT, BOOKING.END_AT, BOOKING.ROOM_ID, dms)
                .from(BOOKING)
                .where(scheduledDuring(BOOKING, typed(storeId, BOOKING.STORE_ID), val(0L), val(from.minus(LONGEST_TURNAROUND)), val(to.plus(LONGEST_TURNAROUND))))
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .fetch(record -> new ScheduleEntry(record.value1(), BookingStatus.SCHEDULED, record.value2(), record.value3(),
                        record.value4(), Set.of(record.value5())));
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
     * The same conditions as {@link #conflictsOf}, correlated: does {@code found} conflict with the
     * booking row {@code subject} of an outer query? The subject's own columns stand in for an
     * entry's values. False unless the subject's status shows conflicts; with no time, or neither
     * a room nor a DM, the subject matches nothing, as {@link #canConflict} says.
     */
    private static Condition conflictsWithRow(Booking subject, Booking found) {
        var roomFrom = DSL.field("{0} - {1}", Instant.class, subject.START_AT, inline(DayToSecond.valueOf(LONGEST_TURNAROUND)));
        var roomTo = DSL.field("{0} + {1}", Instant.class, subject.END_AT, inline(DayToSecond.valueOf(LONGEST_TURNAROUND)));
        return subject.STATUS.in(SHOWING_CONFLICTS)
                .and(sharesRoomDuring(found, subject.STORE_ID, subject.ID, subject.ROOM_ID, subject.START_AT, subject.END_AT, roomFrom, roomTo)
                        .or(sharesDmDuring(found, subject.STORE_ID, subject.ID, sharesDmOfRow(subject, found), subject.START_AT,
                                subject.END_AT)));
    }

    /** Does {@code found} have a DM among the {@code subject} row's? */
    private static Condition sharesDmOfRow(Booking subject, Booking found) {
        var subjectDm = CHARACTER_DM_MATCH.as("subject_dm");
        return exists(selectOne().from(subjectDm).join(CHARACTER_DM_MATCH)
                .on(CHARACTER_DM_MATCH.DM_ID.eq(subjectDm.DM_ID))
                .where(subjectDm.STORE_ID.eq(subject.STORE_ID),
                        subjectDm.BOOKING_ID.eq(subject.ID),
                        CHARACTER_DM_MATCH.STORE_ID.eq(found.STORE_ID),
                        CHARACTER_DM_MATCH.BOOKING_ID.eq(found.ID)));
    }

    /**
     * Does {@code found}, a game in room {@code roomId}, need the room while {@code [startAt, endAt)}
     * does? Its candidates are the room's games overlapping {@code [roomFrom, roomTo)}, the interval
     * widened by the longest turnaround, off {@code booking_room_scheduled_during_idx}.
     */
    private static Condition sharesRoomDuring(Booking found, Field<Long> storeId, Field<Long> bookingId, Field<Long> roomId,
            Field<Instant> startAt, Field<Instant> endAt, Field<Instant> roomFrom, Field<Instant> roomTo) {
        return scheduledDuring(found, storeId, bookingId, roomFrom, roomTo)
                .and(found.ROOM_ID.eq(roomId))
                .and(occupiesRoomDuring(found, startAt, endAt));
    }

    /** Does {@code found}, sharing a DM with the subject by {@code sharesDm}, play during {@code [startAt, endAt)}? */
    private static Condition sharesDmDuring(Booking found, Field<Long> storeId, Field<Long> bookingId, Condition sharesDm,
            Field<Instant> startAt, Field<Instant> endAt) {
        return scheduledDuring(found, storeId, bookingId, startAt, endAt)
                .and(sharesDm)
                .and(playsDuring(found, startAt, endAt));
    }

    /**
     * The indexes' condition: the store's scheduled games other than {@code bookingId} whose range
     * overlaps {@code [from, to)}. {@code to} before {@code from} asks for an empty range, which
     * overlaps nothing, rather than an error.
     */
    private static Condition scheduledDuring(Booking found, Field<Long> storeId, Field<Long> bookingId, Field<Instant> from,
            Field<Instant> to) {
        return found.STORE_ID.eq(storeId)
                // inlined, so that even a generic plan matches the partial indexes' predicate
                .and(found.STATUS.eq(inline(BookingStatus.SCHEDULED.code())))
                .and(found.ID.ne(bookingId))
                .and(DSL.condition("{0} && tstzrange({1}, greatest({1}, {2}))", during(found), from, to));
    }

    /**
     * A game's range as the GiST indexes hold it, {@code [start_at, end_at)}; the expression must be
     * the indexes' own, word for word. A legacy row with its end before its start (the times check
     * is {@code NOT VALID}) holds an empty range instead of failing the index.
     */
    private static Field<Object> during(Booking found) {
        return DSL.field("tstzrange({0}, greatest({0}, {1}))", found.START_AT, found.END_AT);
    }

    /** Does {@code found}'s game overlap {@code [startAt, endAt)}: the rule for a shared DM. */
    private static Condition playsDuring(Booking found, Field<Instant> startAt, Field<Instant> endAt) {
        return found.START_AT.lt(endAt).and(found.END_AT.gt(startAt)).and(startAt.lt(endAt));
    }

    /**
     * Do {@code found} and a game {@code [startAt, endAt)} in the same room need it at the same time,
     * each until its reset is done: {@link ConflictRule#roomOverlaps} in SQL, with the turnaround of
     * {@code found}'s room as it is now.
     */
    private static Condition occupiesRoomDuring(Booking found, Field<Instant> startAt, Field<Instant> endAt) {
        var turnaround = DSL.field(select(DSL.field("make_interval(mins => {0})", DayToSecond.class, ROOM.TURNAROUND_MINUTES))
                .from(ROOM).where(ROOM.STORE_ID.eq(found.STORE_ID), ROOM.ID.eq(found.ROOM_ID)));
        return found.START_AT.lt(DSL.field("{0} + {1}", Instant.class, endAt, turnaround))
                .and(DSL.field("{0} + {1}", Instant.class, found.END_AT, turnaround).gt(startAt))
                .and(startAt.lt(endAt));
    }

    private static Condition sharesRoom(Long roomId) {
        return roomId == null ? falseCondition() : BOOKING.ROOM_ID.eq(roomId);
    }

    private static Condition sharesDm(ScheduleEntry entry) {
        return sharesDmOfEntry(List.of(entry), dmIdsOf(entry));
    }

    private static Field<Long[]> dmIdsOf(ScheduleEntry entry) {
        return cast(val(entry.dmIds().stream().sorted().toArray(Long[]::new)), SQLDataType.BIGINT.array());
    }
}

package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.cast;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.storescheduler.adapter.jooq.schema.tables.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Row6;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.types.DayToSecond;

/**
 * {@link ConflictRule} in SQL, once, for a subject however a query holds it: values of one booking
 * ({@link #of}), a row of a {@code VALUES} list of bookings ({@link #ofEntries}) or a booking row of
 * an outer query ({@link #ofRow}). {@link #conflictsWith} is the one overlap condition, and its DM
 * half the one "shares a DM" condition, of every conflict query.
 *
 * <p>Candidates come by range overlap ({@code &&}) off the GiST indexes of scheduled games,
 * {@code booking_room_scheduled_during_idx (store_id, room_id, during)} for a shared room and
 * {@code booking_scheduled_during_idx (store_id, during)} for a shared DM, where {@code during} is
 * {@link #during the game's range}. A shared DM's candidates are exactly the games overlapping the
 * subject's; a shared room's are the room's games overlapping it widened by the longest turnaround
 * ({@link Room#MAX_TURNAROUND_MINUTES}, checked by the database), and the exact rule, with the
 * turnaround of the room as it is now, sorts them. So a query reads the games around its subject
 * only, however long the store's history and however long a game may last.
 *
 * @param mayShareRoom false when the subject is known to have no room: the room half is left out
 * @param mayShareDm false when the subject is known to have no DM: the DM half is left out
 */
record Overlap(Field<StoreId> storeId, Field<BookingId> bookingId, Field<RoomId> roomId, Field<Instant> startAt,
        Field<Instant> endAt, Field<Long[]> dmIds, boolean mayShareRoom, boolean mayShareDm) {

    /** The id columns' types, built once by the generated tables: a value given one reuses it. */
    static final DataType<StoreId> STORE_ID = BOOKING.STORE_ID.getDataType();
    static final DataType<BookingId> BOOKING_ID = BOOKING.ID.getDataType();
    static final DataType<RoomId> ROOM_ID = BOOKING.ROOM_ID.getDataType();

    static final Duration LONGEST_TURNAROUND = Duration.ofMinutes(Room.MAX_TURNAROUND_MINUTES);
    private static final Field<DayToSecond> TURNAROUND_BOUND = inline(DayToSecond.valueOf(LONGEST_TURNAROUND));
    /** The columns of the {@code VALUES} list {@link #entryRow} makes, in its order. */
    static final String[] ENTRY_COLUMNS = {"booking_id", "store_id", "room_id", "start_at", "end_at", "dm_ids"};

    /** One booking, as values. */
    static Overlap of(StoreId storeId, ScheduleEntry entry) {
        return new Overlap(typed(storeId, STORE_ID), typed(entry.bookingId(), BOOKING_ID), typed(entry.roomId(), ROOM_ID),
                val(entry.startAt()), val(entry.endAt()), dmIdsOf(entry), entry.roomId() != null, !entry.dmIds().isEmpty());
    }

    /** A row of {@code entry}, a {@code VALUES} list of {@link #entryRow}s of {@code entries}. */
    static Overlap ofEntries(Table<?> entry, List<ScheduleEntry> entries) {
        return new Overlap(entry.field("store_id", STORE_ID), entry.field("booking_id", BOOKING_ID), entry.field("room_id", ROOM_ID),
                entry.field("start_at", Instant.class), entry.field("end_at", Instant.class), entry.field("dm_ids", Long[].class),
                entries.stream().anyMatch(one -> one.roomId() != null), entries.stream().anyMatch(one -> !one.dmIds().isEmpty()));
    }

    /** The booking row {@code subject} of an outer query, its DMs read from its matches. */
    static Overlap ofRow(Booking subject) {
        var subjectDm = CHARACTER_DM_MATCH.as("subject_dm");
        var dmIds = array(select(subjectDm.DM_ID.coerce(SQLDataType.BIGINT)).from(subjectDm)
                .where(subjectDm.STORE_ID.eq(subject.STORE_ID), subjectDm.BOOKING_ID.eq(subject.ID)));
        return new Overlap(subject.STORE_ID, subject.ID, subject.ROOM_ID, subject.START_AT, subject.END_AT, dmIds, true, true);
    }

    /** A booking as a row of the {@code VALUES} list {@link #ofEntries} reads, its columns {@link #ENTRY_COLUMNS}. */
    static Row6<BookingId, StoreId, RoomId, Instant, Instant, Long[]> entryRow(StoreId storeId, ScheduleEntry entry) {
        return row(typed(entry.bookingId(), BOOKING_ID), typed(storeId, STORE_ID), typed(entry.roomId(), ROOM_ID),
                typed(entry.startAt()), typed(entry.endAt()), dmIdsOf(entry));
    }

    /**
     * Does {@code found} conflict with the subject: share its room while both need it, each until
     * its reset is done, or share one of its DMs while both play?
     */
    Condition conflictsWith(Booking found) {
        var sharesRoom = !mayShareRoom ? falseCondition()
                : scheduledDuring(found, storeId, bookingId, minus(startAt), plus(endAt))
                        .and(found.ROOM_ID.eq(roomId))
                        .and(occupiesRoomDuring(found));
        var sharesDm = !mayShareDm ? falseCondition()
                : scheduledDuring(found, storeId, bookingId, startAt, endAt)
                        .and(hasDmAmong(found, dmIds))
                        .and(found.START_AT.lt(endAt)).and(found.END_AT.gt(startAt)).and(startAt.lt(endAt));
        return sharesRoom.or(sharesDm);
    }

    /**
     * The indexes' condition: the store's scheduled games other than {@code bookingId} whose range
     * overlaps {@code [from, to)}. {@code to} before {@code from} asks for an empty range, which
     * overlaps nothing, rather than an error.
     */
    static Condition scheduledDuring(
            Booking found, Field<StoreId> storeId, Field<BookingId> bookingId, Field<Instant> from, Field<Instant> to) {
        return found.STORE_ID.eq(storeId)
                // inlined, so that even a generic plan matches the partial indexes' predicate
                .and(found.STATUS.eq(inline(BookingStatus.SCHEDULED.code())))
                .and(found.ID.ne(bookingId))
                .and(DSL.condition("{0} && tstzrange({1}, greatest({1}, {2}))", during(found), from, to));
    }

    /**
     * Does {@code found}, in the same room, need it while the subject does, each until its reset is
     * done: {@link ConflictRule#roomOverlaps} with the turnaround of {@code found}'s room as it is now.
     */
    Condition occupiesRoomDuring(Booking found) {
        return occupiesRoomDuring(found, startAt, endAt);
    }

    static Condition occupiesRoomDuring(Booking found, Field<Instant> startAt, Field<Instant> endAt) {
        var turnaround = DSL.field(select(DSL.field("make_interval(mins => {0})", DayToSecond.class, ROOM.TURNAROUND_MINUTES))
                .from(ROOM).where(ROOM.STORE_ID.eq(found.STORE_ID), ROOM.ID.eq(found.ROOM_ID)));
        return found.START_AT.lt(DSL.field("{0} + {1}", Instant.class, endAt, turnaround))
                .and(DSL.field("{0} + {1}", Instant.class, found.END_AT, turnaround).gt(startAt))
                .and(startAt.lt(endAt));
    }

    /** Has {@code found} a DM among {@code dmIds}: one probe of its matches. */
    private static Condition hasDmAmong(Booking found, Field<Long[]> dmIds) {
        return exists(selectOne().from(CHARACTER_DM_MATCH).where(
                CHARACTER_DM_MATCH.STORE_ID.eq(found.STORE_ID),
                CHARACTER_DM_MATCH.BOOKING_ID.eq(found.ID),
                CHARACTER_DM_MATCH.DM_ID.coerce(SQLDataType.BIGINT).eq(DSL.any(dmIds))));
    }

    /**
     * A game's range as the GiST indexes hold it, {@code [start_at, end_at)}; the expression must be
     * the indexes' own, word for word. A legacy row with its end before its start (the times check
     * is {@code NOT VALID}) holds an empty range instead of failing the index.
     */
    private static Field<Object> during(Booking found) {
        return DSL.field("tstzrange({0}, greatest({0}, {1}))", found.START_AT, found.END_AT);
    }

    private static Field<Instant> minus(Field<Instant> instant) {
        return DSL.field("{0} - {1}", Instant.class, instant, TURNAROUND_BOUND);
    }

    private static Field<Instant> plus(Field<Instant> instant) {
        return DSL.field("{0} + {1}", Instant.class, instant, TURNAROUND_BOUND);
    }

    /**
     * A value cast to its column's type: PostgreSQL would take an untyped parameter in {@code VALUES}
     * for text, and a GiST index of {@code btree_gist} serves {@code bigint = bigint} only, not the
     * {@code bigint = integer} an inlined small number reads as. Built on types made once: a value
     * and a cast given a column ({@code val(x, BOOKING.END_AT)}) each construct the column's
     * converted type again, hundreds of them for a page's list.
     */
    static <T> Field<T> typed(T value, DataType<T> type) {
        return cast(val(value, type), type);
    }

    static Field<Instant> typed(Instant value) {
        return cast(val(value, SQLDataType.INSTANT), SQLDataType.INSTANT);
    }

    private static Field<Long[]> dmIdsOf(ScheduleEntry entry) {
        return cast(val(entry.dmIds().stream().map(DmId::value).sorted().toArray(Long[]::new)), SQLDataType.BIGINT.array());
    }
}

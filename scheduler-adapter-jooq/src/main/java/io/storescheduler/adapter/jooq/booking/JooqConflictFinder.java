package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;

import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.BookingTimes;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ScheduleEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The overlap queries, all in one place. Two bookings overlap when each starts before the other
 * ends. Because no game lasts longer than {@link BookingTimes#MAX_DURATION_MINUTES} (the database
 * checks it), a booking that overlaps {@code [start, end)} starts inside
 * {@code (start - max duration, end)}: a bounded range scan of the partial index
 * {@code booking_scheduled_start_idx (store_id, start_at) WHERE status = 'scheduled'}, however long
 * the store's history grows.
 */
public final class JooqConflictFinder implements ConflictFinder {

    private static final Duration LONGEST_GAME = Duration.ofMinutes(BookingTimes.MAX_DURATION_MINUTES);

    private final DSLContext dsl;

    public JooqConflictFinder(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ConflictReport conflictsOf(long storeId, ScheduleEntry entry) {
        if (entry.startAt() == null || entry.endAt() == null) {
            return ConflictReport.none();
        }
        var ids = dsl.selectDistinct(BOOKING.ID)
                .from(BOOKING)
                .where(scheduledOverlapping(storeId, entry.bookingId(), entry.startAt(), entry.endAt()))
                .and(sharesRoom(entry.roomId()).or(sharesDm(entry)))
                .orderBy(BOOKING.ID)
                .fetch(BOOKING.ID);
        return new ConflictReport(ids);
    }

    @Override
    public Map<Long, Integer> roomConflictCounts(long storeId, long bookingId, Instant startAt, Instant endAt) {
        return dsl.select(BOOKING.ROOM_ID, count())
                .from(BOOKING)
                .where(scheduledOverlapping(storeId, bookingId, startAt, endAt))
                .and(BOOKING.ROOM_ID.isNotNull())
                .groupBy(BOOKING.ROOM_ID)
                .fetchMap(BOOKING.ROOM_ID, count());
    }

    private static Condition scheduledOverlapping(long storeId, long bookingId, Instant startAt, Instant endAt) {
        return BOOKING.STORE_ID.eq(storeId)
                // inlined, so that even a generic plan matches the partial index's predicate
                .and(BOOKING.STATUS.eq(inline(BookingStatus.SCHEDULED.code())))
                .and(BOOKING.ID.ne(bookingId))
                .and(BOOKING.START_AT.gt(startAt.minus(LONGEST_GAME)))
                .and(BOOKING.START_AT.lt(endAt))
                .and(BOOKING.END_AT.gt(startAt));
    }

    private static Condition sharesRoom(Long roomId) {
        return roomId == null ? falseCondition() : BOOKING.ROOM_ID.eq(roomId);
    }

    private static Condition sharesDm(ScheduleEntry entry) {
        if (entry.dmIds().isEmpty()) {
            return falseCondition();
        }
        return exists(selectOne().from(CHARACTER_DM_MATCH).where(
                CHARACTER_DM_MATCH.STORE_ID.eq(BOOKING.STORE_ID),
                CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID),
                CHARACTER_DM_MATCH.DM_ID.in(entry.dmIds())));
    }
}

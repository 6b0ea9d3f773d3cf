package io.storescheduler.adapter.jooq.slot;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.SLOT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.adapter.jooq.shared.PgErrors;
import io.storescheduler.application.booking.SlotRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SelectConditionStep;
import org.jooq.exception.DataAccessException;

/** Slots keyed by {@code (store_id, start_at)}, with the bookings that point at them. */
public record JooqSlotRepository(DSLContext dsl) implements SlotRepository {

    private static final Field<List<BookingId>> BOOKING_IDS = multiset(
            select(BOOKING.ID).from(BOOKING)
                    .where(BOOKING.STORE_ID.eq(SLOT.STORE_ID), BOOKING.SLOT_ID.eq(SLOT.ID))
                    .orderBy(BOOKING.ID))
            .convertFrom(result -> result.map(Record1::value1));

    /**
     * {@code ON CONFLICT DO NOTHING} leaves no dead row version behind when the slot exists; a
     * racing insert of the same slot makes ours wait for it and then find it.
     */
    @Override
    public SlotId upsert(StoreId storeId, Instant startAt) {
        return dsl.insertInto(SLOT, SLOT.STORE_ID, SLOT.START_AT)
                .values(storeId, startAt)
                .onConflict(SLOT.STORE_ID, SLOT.START_AT).doNothing()
                .returning(SLOT.ID)
                .fetchOptional(SLOT.ID)
                .orElseGet(() -> dsl.select(SLOT.ID).from(SLOT)
                        .where(SLOT.STORE_ID.eq(storeId), SLOT.START_AT.eq(startAt))
                        .fetchSingle(SLOT.ID));
    }

    @Override
    public Slot insert(StoreId storeId, Instant startAt, String note) {
        try {
            var id = dsl.insertInto(SLOT, SLOT.STORE_ID, SLOT.START_AT, SLOT.NOTE)
                    .values(storeId, startAt, note)
                    .returning(SLOT.ID)
                    .fetchSingle(SLOT.ID);
            return find(storeId, id).orElseThrow();
        } catch (DataAccessException e) {
            throw slotExistsOr(e);
        }
    }

    @Override
    public Optional<Slot> find(StoreId storeId, SlotId slotId) {
        return selectSlots(SLOT.STORE_ID.eq(storeId).and(SLOT.ID.eq(slotId))).fetchOptional(Records.mapping(Slot::new));
    }

    @Override
    public Page<Slot> list(StoreId storeId, Instant from, Instant to, PageRequest page) {
        var condition = SLOT.STORE_ID.eq(storeId);
        if (from != null) {
            condition = condition.and(SLOT.START_AT.ge(from));
        }
        if (to != null) {
            condition = condition.and(SLOT.START_AT.lt(to));
        }
        var items = selectSlots(condition).orderBy(SLOT.START_AT, SLOT.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(Slot::new));
        return Pages.of(dsl, SLOT, condition, page, items);
    }

    @Override
    public void update(StoreId storeId, SlotId slotId, Instant startAt, String note) {
        try {
            dsl.update(SLOT).set(SLOT.START_AT, startAt).set(SLOT.NOTE, note)
                    .where(SLOT.STORE_ID.eq(storeId), SLOT.ID.eq(slotId))
                    .execute();
        } catch (DataAccessException e) {
            throw slotExistsOr(e);
        }
    }

    @Override
    public boolean holdsBookingsNotCancelled(StoreId storeId, SlotId slotId) {
        return dsl.fetchExists(selectOne().from(BOOKING).where(bookingsOf(storeId, slotId),
                BOOKING.STATUS.ne(inline(BookingStatus.CANCELLED.code()))));
    }

    @Override
    public void releaseCancelledBookings(StoreId storeId, SlotId slotId, Instant now) {
        dsl.update(BOOKING)
                .setNull(BOOKING.SLOT_ID)
                .set(BOOKING.VERSION, BOOKING.VERSION.plus(1))
                .set(BOOKING.UPDATED_AT, now)
                .where(bookingsOf(storeId, slotId), BOOKING.STATUS.eq(inline(BookingStatus.CANCELLED.code())))
                .execute();
    }

    @Override
    public void delete(StoreId storeId, SlotId slotId) {
        dsl.deleteFrom(SLOT).where(SLOT.STORE_ID.eq(storeId), SLOT.ID.eq(slotId)).execute();
    }

    private static Condition bookingsOf(StoreId storeId, SlotId slotId) {
        return BOOKING.STORE_ID.eq(storeId).and(BOOKING.SLOT_ID.eq(slotId));
    }

    private SelectConditionStep<org.jooq.Record5<SlotId, StoreId, Instant, String, List<BookingId>>> selectSlots(Condition condition) {
        return dsl.select(SLOT.ID, SLOT.STORE_ID, SLOT.START_AT, SLOT.NOTE, BOOKING_IDS).from(SLOT).where(condition);
    }

    private static RuntimeException slotExistsOr(DataAccessException e) {
        if (PgErrors.isUniqueViolation(e, "slot_store_id_start_at_key")) {
            return UseCaseFailure.conflict("slot_exists", "this store has a slot at that start already");
        }
        return e;
    }
}

package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.SLOT;

import io.storescheduler.application.booking.SlotRepository;
import java.time.Instant;
import org.jooq.DSLContext;

/** Slots keyed by {@code (store_id, start_at)}, created on first use. */
public final class JooqSlotRepository implements SlotRepository {

    private final DSLContext dsl;

    public JooqSlotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * {@code ON CONFLICT DO NOTHING} leaves no dead row version behind when the slot exists; a
     * racing insert of the same slot makes ours wait for it and then find it.
     */
    @Override
    public long upsert(long storeId, Instant startAt) {
        return dsl.insertInto(SLOT, SLOT.STORE_ID, SLOT.START_AT)
                .values(storeId, startAt)
                .onConflict(SLOT.STORE_ID, SLOT.START_AT).doNothing()
                .returning(SLOT.ID)
                .fetchOptional(SLOT.ID)
                .orElseGet(() -> dsl.select(SLOT.ID).from(SLOT)
                        .where(SLOT.STORE_ID.eq(storeId), SLOT.START_AT.eq(startAt))
                        .fetchSingle(SLOT.ID));
    }
}

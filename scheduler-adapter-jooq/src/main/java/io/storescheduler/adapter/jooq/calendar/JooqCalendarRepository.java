package io.storescheduler.adapter.jooq.calendar;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING_CLIENT;
import static io.storescheduler.adapter.jooq.schema.Tables.CALENDAR_KEY;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static io.storescheduler.adapter.jooq.schema.Tables.DM;
import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;
import static io.storescheduler.adapter.jooq.schema.Tables.SCRIPT;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import io.storescheduler.application.calendar.CalendarEntry;
import io.storescheduler.application.calendar.CalendarOwner;
import io.storescheduler.application.calendar.CalendarOwner.OfDm;
import io.storescheduler.application.calendar.CalendarOwner.OfRoom;
import io.storescheduler.application.calendar.CalendarRepository;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** Calendar keys in {@code calendar_key}, one row per room or DM; a feed's bookings read in one statement. */
public record JooqCalendarRepository(DSLContext dsl) implements CalendarRepository {

    private static final List<String> SHOWN = List.of(BookingStatus.SCHEDULED.code(), BookingStatus.COMPLETED.code());
    private static final Field<Integer> PARTY_SIZE = field(selectCount().from(BOOKING_CLIENT)
            .where(BOOKING_CLIENT.STORE_ID.eq(BOOKING.STORE_ID), BOOKING_CLIENT.BOOKING_ID.eq(BOOKING.ID))).as("party_size");

    @Override
    public Optional<String> ownerName(StoreId storeId, CalendarOwner owner) {
        return switch (owner) {
            case OfRoom room -> dsl.select(ROOM.NAME).from(ROOM).where(ROOM.STORE_ID.eq(storeId), ROOM.ID.eq(room.id())).fetchOptional(ROOM.NAME);
            case OfDm dm -> dsl.select(DM.NAME).from(DM).where(DM.STORE_ID.eq(storeId), DM.ID.eq(dm.id())).fetchOptional(DM.NAME);
        };
    }

    /** An upsert on the owner's unique index: a racing replacement waits for the row lock and then overwrites. */
    @Override
    public void replaceKey(StoreId storeId, CalendarOwner owner, byte[] keyHash, Instant at) {
        var ownerColumn = ownerColumn(owner);
        var key = dsl.insertInto(CALENDAR_KEY)
                .set(CALENDAR_KEY.STORE_ID, storeId)
                .set(CALENDAR_KEY.KEY_HASH, keyHash)
                .set(CALENDAR_KEY.CREATED_AT, at);
        var owned = switch (owner) {
            case OfRoom room -> key.set(CALENDAR_KEY.ROOM_ID, room.id());
            case OfDm dm -> key.set(CALENDAR_KEY.DM_ID, dm.id());
        };
        owned.onConflict(CALENDAR_KEY.STORE_ID, ownerColumn).where(ownerColumn.isNotNull())
                .doUpdate()
                .set(CALENDAR_KEY.KEY_HASH, keyHash)
                .set(CALENDAR_KEY.CREATED_AT, at)
                .execute();
    }

    @Override
    public Optional<byte[]> keyHash(StoreId storeId, CalendarOwner owner) {
        return dsl.select(CALENDAR_KEY.KEY_HASH).from(CALENDAR_KEY)
                .where(CALENDAR_KEY.STORE_ID.eq(storeId), switch (owner) {
                    case OfRoom room -> CALENDAR_KEY.ROOM_ID.eq(room.id());
                    case OfDm dm -> CALENDAR_KEY.DM_ID.eq(dm.id());
                })
                .fetchOptional(CALENDAR_KEY.KEY_HASH);
    }

    @Override
    public List<CalendarEntry> entries(StoreId storeId, CalendarOwner owner, Instant from, Instant to, int limit) {
        return dsl.select(BOOKING.ID, BOOKING.VERSION, BOOKING.STATUS, BOOKING.START_AT, BOOKING.END_AT, SCRIPT.NAME, PARTY_SIZE,
                        ROOM.NAME, BOOKING.CREATED_AT, BOOKING.UPDATED_AT)
                .from(BOOKING)
                .join(SCRIPT).on(SCRIPT.STORE_ID.eq(BOOKING.STORE_ID), SCRIPT.ID.eq(BOOKING.SCRIPT_ID))
                .leftJoin(ROOM).on(ROOM.STORE_ID.eq(BOOKING.STORE_ID), ROOM.ID.eq(BOOKING.ROOM_ID))
                .where(BOOKING.STORE_ID.eq(storeId), BOOKING.STATUS.in(SHOWN),
                        BOOKING.START_AT.ge(from), BOOKING.START_AT.lt(to), BOOKING.END_AT.isNotNull(), ownedBy(storeId, owner))
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .limit(limit)
                .fetch(JooqCalendarRepository::entry);
    }

    private static Condition ownedBy(StoreId storeId, CalendarOwner owner) {
        return switch (owner) {
            case OfRoom room -> BOOKING.ROOM_ID.eq(room.id());
            case OfDm dm -> org.jooq.impl.DSL.exists(selectOne().from(CHARACTER_DM_MATCH)
                    .where(CHARACTER_DM_MATCH.STORE_ID.eq(storeId), CHARACTER_DM_MATCH.BOOKING_ID.eq(BOOKING.ID),
                            CHARACTER_DM_MATCH.DM_ID.eq(dm.id())));
        };
    }

    private static Field<?> ownerColumn(CalendarOwner owner) {
        return switch (owner) {
            case OfRoom room -> CALENDAR_KEY.ROOM_ID;
            case OfDm dm -> CALENDAR_KEY.DM_ID;
        };
    }

    private static CalendarEntry entry(Record row) {
        return new CalendarEntry(row.get(BOOKING.ID), row.get(BOOKING.VERSION), BookingStatus.fromCode(row.get(BOOKING.STATUS)).orElseThrow(),
                row.get(BOOKING.START_AT), row.get(BOOKING.END_AT), row.get(SCRIPT.NAME), row.get(PARTY_SIZE), row.get(ROOM.NAME),
                row.get(BOOKING.CREATED_AT), row.get(BOOKING.UPDATED_AT));
    }
}

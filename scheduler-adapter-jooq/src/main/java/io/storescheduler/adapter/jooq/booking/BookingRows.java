package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING_CLIENT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.SelectSelectStep;

/**
 * A booking as one row of a query: its own columns, with the party and both match lists beside
 * them as nested collections ({@code MULTISET}, each with a name of its own, by which a
 * {@link io.storescheduler.adapter.jooq.shared.RenderedQuery}'s answer finds it).
 */
final class BookingRows {

    private static final Field<List<ClientId>> PARTY = multiset(
            select(BOOKING_CLIENT.CLIENT_ID).from(BOOKING_CLIENT)
                    .where(BOOKING_CLIENT.STORE_ID.eq(BOOKING.STORE_ID), BOOKING_CLIENT.BOOKING_ID.eq(BOOKING.ID))
                    .orderBy(BOOKING_CLIENT.CLIENT_ID))
            .convertFrom(result -> result.map(Record1::value1))
            .as("party");

    private static final Field<List<CharacterClientMatch>> CLIENT_MATCHES =
            MatchTable.CLIENTS.ofEachBooking(CharacterClientMatch::new, "client_matches");
    private static final Field<List<CharacterDmMatch>> DM_MATCHES = MatchTable.DMS.ofEachBooking(CharacterDmMatch::new, "dm_matches");

    private BookingRows() {}

    /** Selects what {@link #toBooking} reads; the caller adds the {@code FROM BOOKING} and anything beside. */
    static SelectSelectStep<Record> selectBooking(DSLContext dsl) {
        return dsl.select(BOOKING.fields()).select(PARTY, CLIENT_MATCHES, DM_MATCHES);
    }

    static Condition byId(StoreId storeId, BookingId bookingId) {
        return BOOKING.STORE_ID.eq(storeId).and(BOOKING.ID.eq(bookingId));
    }

    static Booking toBooking(Record record) {
        return new Booking(
                record.get(BOOKING.ID),
                record.get(BOOKING.STORE_ID),
                BookingStatus.fromCode(record.get(BOOKING.STATUS)).orElseThrow(),
                record.get(BOOKING.START_AT),
                record.get(BOOKING.END_AT),
                record.get(BOOKING.SCRIPT_ID),
                record.get(BOOKING.ROOM_ID),
                record.get(BOOKING.SLOT_ID),
                record.get(BOOKING.NOTE),
                record.get(PARTY),
                record.get(CLIENT_MATCHES),
                record.get(DM_MATCHES),
                record.get(BOOKING.VERSION),
                record.get(BOOKING.CREATED_AT),
                record.get(BOOKING.UPDATED_AT));
    }
}

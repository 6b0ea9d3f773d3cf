package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_CLIENT_MATCH;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.storescheduler.adapter.jooq.schema.tables.records.CharacterClientMatchRecord;
import io.storescheduler.adapter.jooq.schema.tables.records.CharacterDmMatchRecord;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Function3;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The columns of a match table: the character-client and the character-DM matches are read and
 * written alike, the player being a client or a DM.
 */
record MatchTable<R extends Record, P>(Table<R> table, TableField<R, MatchId> id, TableField<R, StoreId> storeId,
        TableField<R, BookingId> bookingId, TableField<R, CharacterId> characterId, TableField<R, P> player) {

    static final MatchTable<CharacterClientMatchRecord, ClientId> CLIENTS = new MatchTable<>(CHARACTER_CLIENT_MATCH,
            CHARACTER_CLIENT_MATCH.ID, CHARACTER_CLIENT_MATCH.STORE_ID, CHARACTER_CLIENT_MATCH.BOOKING_ID,
            CHARACTER_CLIENT_MATCH.CHARACTER_ID, CHARACTER_CLIENT_MATCH.CLIENT_ID);
    static final MatchTable<CharacterDmMatchRecord, DmId> DMS = new MatchTable<>(CHARACTER_DM_MATCH,
            CHARACTER_DM_MATCH.ID, CHARACTER_DM_MATCH.STORE_ID, CHARACTER_DM_MATCH.BOOKING_ID,
            CHARACTER_DM_MATCH.CHARACTER_ID, CHARACTER_DM_MATCH.DM_ID);

    /** The match {@code matchId}, only if it is one of the booking's, in the store's rows. */
    Condition one(StoreId storeId, BookingId bookingId, MatchId matchId) {
        return this.storeId.eq(storeId).and(this.bookingId.eq(bookingId)).and(id.eq(matchId));
    }

    /** The matches of the booking on the query's row, in id order, each made by {@code match}, as the field {@code name}. */
    <M> Field<List<M>> ofEachBooking(Function3<MatchId, CharacterId, P, M> match, String name) {
        return multiset(select(id, characterId, player).from(table)
                        .where(storeId.eq(BOOKING.STORE_ID), bookingId.eq(BOOKING.ID))
                        .orderBy(id))
                .convertFrom(result -> result.map(Records.mapping(match)))
                .as(name);
    }
}

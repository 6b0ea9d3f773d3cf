package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING_CLIENT;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_CLIENT_MATCH;
import static io.storescheduler.adapter.jooq.schema.Tables.CHARACTER_DM_MATCH;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The statements that change a booking's party and its character matches, each row scoped to its store and booking. */
record PartyAndMatchWrites(DSLContext dsl) {

    boolean addClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        return dsl.insertInto(BOOKING_CLIENT, BOOKING_CLIENT.STORE_ID, BOOKING_CLIENT.BOOKING_ID, BOOKING_CLIENT.CLIENT_ID)
                .values(storeId, bookingId, clientId)
                .onConflictDoNothing()
                .execute() == 1;
    }

    boolean removeClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        return dsl.deleteFrom(BOOKING_CLIENT)
                .where(BOOKING_CLIENT.STORE_ID.eq(storeId), BOOKING_CLIENT.BOOKING_ID.eq(bookingId), BOOKING_CLIENT.CLIENT_ID.eq(clientId))
                .execute() == 1;
    }

    MatchId addClientMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, ClientId clientId) {
        return add(MatchTable.CLIENTS, storeId, bookingId, characterId, clientId);
    }

    void updateClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, ClientId clientId) {
        update(MatchTable.CLIENTS, storeId, bookingId, matchId, characterId, clientId);
    }

    void removeClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        remove(MatchTable.CLIENTS, storeId, bookingId, matchId);
    }

    MatchId addDmMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, DmId dmId) {
        return add(MatchTable.DMS, storeId, bookingId, characterId, dmId);
    }

    void updateDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, DmId dmId) {
        update(MatchTable.DMS, storeId, bookingId, matchId, characterId, dmId);
    }

    void removeDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        remove(MatchTable.DMS, storeId, bookingId, matchId);
    }

    private <R extends Record, P> MatchId add(MatchTable<R, P> matches, StoreId storeId, BookingId bookingId,
            CharacterId characterId, P player) {
        return dsl.insertInto(matches.table(), matches.storeId(), matches.bookingId(), matches.characterId(), matches.player())
                .values(storeId, bookingId, characterId, player)
                .returning(matches.id())
                .fetchSingle(matches.id());
    }

    private <R extends Record, P> void update(MatchTable<R, P> matches, StoreId storeId, BookingId bookingId, MatchId matchId,
            CharacterId characterId, P player) {
        dsl.update(matches.table())
                .set(matches.characterId(), characterId)
                .set(matches.player(), player)
                .where(matches.one(storeId, bookingId, matchId))
                .execute();
    }

    private void remove(MatchTable<?, ?> matches, StoreId storeId, BookingId bookingId, MatchId matchId) {
        dsl.deleteFrom(matches.table()).where(matches.one(storeId, bookingId, matchId)).execute();
    }

    void dropCharacterMatches(StoreId storeId, BookingId bookingId) {
        dsl.deleteFrom(CHARACTER_CLIENT_MATCH)
                .where(CHARACTER_CLIENT_MATCH.STORE_ID.eq(storeId), CHARACTER_CLIENT_MATCH.BOOKING_ID.eq(bookingId))
                .execute();
        dsl.deleteFrom(CHARACTER_DM_MATCH)
                .where(CHARACTER_DM_MATCH.STORE_ID.eq(storeId), CHARACTER_DM_MATCH.BOOKING_ID.eq(bookingId),
                        CHARACTER_DM_MATCH.CHARACTER_ID.isNotNull())
                .execute();
    }
}

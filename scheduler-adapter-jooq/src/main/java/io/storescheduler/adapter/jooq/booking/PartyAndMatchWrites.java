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
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The statements that change a booking's party and its character matches, each row scoped to its store and booking. */
final class PartyAndMatchWrites {

    private final DSLContext dsl;

    PartyAndMatchWrites(DSLContext dsl) {
        this.dsl = dsl;
    }

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
        return dsl.insertInto(CHARACTER_CLIENT_MATCH, CHARACTER_CLIENT_MATCH.STORE_ID, CHARACTER_CLIENT_MATCH.BOOKING_ID,
                        CHARACTER_CLIENT_MATCH.CHARACTER_ID, CHARACTER_CLIENT_MATCH.CLIENT_ID)
                .values(storeId, bookingId, characterId, clientId)
                .returning(CHARACTER_CLIENT_MATCH.ID)
                .fetchSingle(CHARACTER_CLIENT_MATCH.ID);
    }

    void updateClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, ClientId clientId) {
        dsl.update(CHARACTER_CLIENT_MATCH)
                .set(CHARACTER_CLIENT_MATCH.CHARACTER_ID, characterId)
                .set(CHARACTER_CLIENT_MATCH.CLIENT_ID, clientId)
                .where(clientMatch(storeId, bookingId, matchId))
                .execute();
    }

    void removeClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        dsl.deleteFrom(CHARACTER_CLIENT_MATCH).where(clientMatch(storeId, bookingId, matchId)).execute();
    }

    private static Condition clientMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        return CHARACTER_CLIENT_MATCH.STORE_ID.eq(storeId)
                .and(CHARACTER_CLIENT_MATCH.BOOKING_ID.eq(bookingId))
                .and(CHARACTER_CLIENT_MATCH.ID.eq(matchId));
    }

    MatchId addDmMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, DmId dmId) {
        return dsl.insertInto(CHARACTER_DM_MATCH, CHARACTER_DM_MATCH.STORE_ID, CHARACTER_DM_MATCH.BOOKING_ID,
                        CHARACTER_DM_MATCH.CHARACTER_ID, CHARACTER_DM_MATCH.DM_ID)
                .values(storeId, bookingId, characterId, dmId)
                .returning(CHARACTER_DM_MATCH.ID)
                .fetchSingle(CHARACTER_DM_MATCH.ID);
    }

    void updateDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, DmId dmId) {
        dsl.update(CHARACTER_DM_MATCH)
                .set(CHARACTER_DM_MATCH.CHARACTER_ID, characterId)
                .set(CHARACTER_DM_MATCH.DM_ID, dmId)
                .where(dmMatch(storeId, bookingId, matchId))
                .execute();
    }

    void removeDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        dsl.deleteFrom(CHARACTER_DM_MATCH).where(dmMatch(storeId, bookingId, matchId)).execute();
    }

    private static Condition dmMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        return CHARACTER_DM_MATCH.STORE_ID.eq(storeId)
                .and(CHARACTER_DM_MATCH.BOOKING_ID.eq(bookingId))
                .and(CHARACTER_DM_MATCH.ID.eq(matchId));
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

package io.storescheduler.domain.id;

/**
 * What every id is: the number the database gave the entity. Adapters that write ids out (SQL,
 * JSON) need only this; code that reads one in names the record it means.
 */
public sealed interface EntityId
        permits StoreId, BookingId, ClientId, CharacterId, DmId, RoomId, ScriptId, SlotId, MatchId {

    long value();
}

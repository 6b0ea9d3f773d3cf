package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.BookingTimes;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.EntityId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;

/**
 * Resolves the ids a request body names inside the path's store. An id of another store, or of
 * nothing, is an invalid value of that field (422), never a peek into another store.
 */
public record BookingReferences(CatalogueRepository catalogue) {

    Outcome<Script> script(StoreId storeId, ScriptId scriptId) {
        return Outcome.of(catalogue.findScript(storeId, scriptId), () -> missing("script", "script_id", scriptId));
    }

    /** When a game of {@code script} starting at {@code startAt} ends; refuses a legacy script whose duration is out of range. */
    Outcome<Instant> endOf(Instant startAt, Script script) {
        return checkDuration(script).map(valid -> BookingTimes.endOf(startAt, valid.durationMinutes()));
    }

    /** Refuses a legacy script whose duration is out of the range a game may last. */
    Outcome<Script> checkDuration(Script script) {
        return Outcome.done(script).ensure(valid -> BookingTimes.isValidDuration(valid.durationMinutes()),
                invalid -> Refusal.invalid("script_duration_invalid", "script_id", "script " + invalid.id() + " lasts "
                        + invalid.durationMinutes() + " minutes; a game lasts " + BookingTimes.MIN_DURATION_MINUTES + ".."
                        + BookingTimes.MAX_DURATION_MINUTES + " minutes"));
    }

    Outcome<Room> room(StoreId storeId, RoomId roomId) {
        return Outcome.of(catalogue.findRoom(storeId, roomId), () -> missing("room", "room_id", roomId));
    }

    Outcome<Dm> dm(StoreId storeId, DmId dmId) {
        return Outcome.of(catalogue.findDm(storeId, dmId), () -> missing("dm", "dm_id", dmId));
    }

    Outcome<Dm> activeDm(StoreId storeId, DmId dmId) {
        return dm(storeId, dmId).ensure(Dm::active, dm -> Refusal.invalid("dm_inactive", "dm_id", "dm " + dmId + " is not active"));
    }

    Outcome<Client> client(StoreId storeId, ClientId clientId) {
        return Outcome.of(catalogue.findClient(storeId, clientId), () -> missing("client", "client_id", clientId));
    }

    private static Refusal missing(String what, String field, EntityId id) {
        return Refusal.invalid(what + "_not_found", field, "no " + what + " " + id + " in this store");
    }
}

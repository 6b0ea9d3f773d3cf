package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingTimes;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import java.time.Instant;

/**
 * Resolves the ids a request body names inside the path's store. An id of another store, or of
 * nothing, is an invalid value of that field (422), never a peek into another store.
 */
public final class BookingReferences {

    private final CatalogueRepository catalogue;

    public BookingReferences(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    Script script(long storeId, long scriptId) {
        return catalogue.findScript(storeId, scriptId)
                .orElseThrow(() -> missing("script", "script_id", scriptId));
    }

    /** When a game of {@code script} starting at {@code startAt} ends; refuses a legacy script whose duration is out of range. */
    Instant endOf(Instant startAt, Script script) {
        checkDuration(script);
        return BookingTimes.endOf(startAt, script.durationMinutes());
    }

    /** Refuses a legacy script whose duration is out of the range a game may last. */
    void checkDuration(Script script) {
        if (!BookingTimes.isValidDuration(script.durationMinutes())) {
            throw UseCaseFailure.invalid("script_duration_invalid", "script_id", "script " + script.id() + " lasts "
                    + script.durationMinutes() + " minutes; a game lasts " + BookingTimes.MIN_DURATION_MINUTES + ".."
                    + BookingTimes.MAX_DURATION_MINUTES + " minutes");
        }
    }

    Room room(long storeId, long roomId) {
        return catalogue.findRoom(storeId, roomId)
                .orElseThrow(() -> missing("room", "room_id", roomId));
    }

    Dm dm(long storeId, long dmId) {
        return catalogue.findDm(storeId, dmId).orElseThrow(() -> missing("dm", "dm_id", dmId));
    }

    Dm activeDm(long storeId, long dmId) {
        var dm = catalogue.findDm(storeId, dmId).orElseThrow(() -> missing("dm", "dm_id", dmId));
        if (!dm.active()) {
            throw UseCaseFailure.invalid("dm_inactive", "dm_id", "dm " + dmId + " is not active");
        }
        return dm;
    }

    void client(long storeId, long clientId) {
        catalogue.findClient(storeId, clientId).orElseThrow(() -> missing("client", "client_id", clientId));
    }

    private static UseCaseFailure missing(String what, String field, long id) {
        return UseCaseFailure.invalid(what + "_not_found", field, "no " + what + " " + id + " in this store");
    }
}

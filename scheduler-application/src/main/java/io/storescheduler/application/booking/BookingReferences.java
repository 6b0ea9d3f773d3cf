package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;

/**
 * Resolves the ids a request body names inside the path's store. An id of another store, or of
 * nothing, is an invalid value of that field (422), never a peek into another store.
 */
final class BookingReferences {

    private final CatalogueRepository catalogue;

    BookingReferences(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    Script script(long storeId, long scriptId) {
        return catalogue.findScript(storeId, scriptId)
                .orElseThrow(() -> missing("script", "script_id", scriptId));
    }

    Room room(long storeId, long roomId) {
        return catalogue.findRoom(storeId, roomId)
                .orElseThrow(() -> missing("room", "room_id", roomId));
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

package io.storescheduler.adapter.http.access;

import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.util.List;
import java.util.Map;

/** A store on the wire. */
public record StoreResponse(StoreId id, String name, String timezone, Map<String, List<OpeningHoursBody.SpanBody>> openingHours) {

    public static StoreResponse from(Store store) {
        return new StoreResponse(store.id(), store.name(), store.timezone().getId(), OpeningHoursBody.write(store.openingHours()));
    }
}

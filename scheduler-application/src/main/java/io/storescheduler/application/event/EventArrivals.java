package io.storescheduler.application.event;

import io.storescheduler.domain.id.StoreId;

/** Told when the database says a store's events committed, by whichever instance wrote them. */
public interface EventArrivals {

    EventArrivals IGNORED = new EventArrivals() {
        @Override
        public void arrived(StoreId storeId) {}

        @Override
        public void arrivedAnywhere() {}
    };

    /** Tells each of {@code told}, in order. */
    static EventArrivals all(EventArrivals... told) {
        return new EventArrivals() {
            @Override
            public void arrived(StoreId storeId) {
                for (var each : told) {
                    each.arrived(storeId);
                }
            }

            @Override
            public void arrivedAnywhere() {
                for (var each : told) {
                    each.arrivedAnywhere();
                }
            }
        };
    }

    void arrived(StoreId storeId);

    /** News may have been missed (no connection listened for a while): any store may have new events. */
    void arrivedAnywhere();
}

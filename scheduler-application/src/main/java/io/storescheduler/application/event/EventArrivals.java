package io.storescheduler.application.event;

/** Told when the database says a store's events committed, by whichever instance wrote them. */
public interface EventArrivals {

    EventArrivals IGNORED = new EventArrivals() {
        @Override
        public void arrived(long storeId) {}

        @Override
        public void arrivedAnywhere() {}
    };

    void arrived(long storeId);

    /** News may have been missed (no connection listened for a while): any store may have new events. */
    void arrivedAnywhere();
}

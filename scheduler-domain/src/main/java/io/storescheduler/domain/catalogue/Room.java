package io.storescheduler.domain.catalogue;

/** A table or room of a store: {@code capacity} is the most players it seats; inactive rooms are never chosen. */
public record Room(long id, long storeId, String name, int capacity, boolean active) {

    /** Whether a party of {@code partySize} can play here now: the room is in use and big enough. */
    public boolean seats(int partySize) {
        return active && capacity >= partySize;
    }
}

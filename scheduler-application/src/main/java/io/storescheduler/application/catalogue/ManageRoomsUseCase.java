package io.storescheduler.application.catalogue;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Room;

/** A store's rooms: add one (names are unique per store, case-insensitively), read them. */
public interface ManageRoomsUseCase {

    record CreateRoomCommand(long storeId, String name, int capacity, boolean active) {}

    Room createRoom(CreateRoomCommand command);

    Room getRoom(long storeId, long roomId);

    Page<Room> listRooms(long storeId, PageRequest page);
}

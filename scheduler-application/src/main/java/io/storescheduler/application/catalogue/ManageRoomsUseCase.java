package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Room;

/** A store's rooms: add one, change one (names are unique per store as {@code NameKey} compares them: look-alikes are one name), read them. */
public interface ManageRoomsUseCase {

    record CreateRoomCommand(long storeId, String name, int capacity, boolean active, int turnaroundMinutes) {

        public CreateRoomCommand(long storeId, String name, int capacity, boolean active) {
            this(storeId, name, capacity, active, 0);
        }
    }

    record PatchRoomCommand(long storeId, long roomId, RoomChanges changes) {}

    Room createRoom(CreateRoomCommand command);

    Room patchRoom(PatchRoomCommand command);

    Room getRoom(long storeId, long roomId);

    Page<Room> listRooms(long storeId, PageRequest page);
}

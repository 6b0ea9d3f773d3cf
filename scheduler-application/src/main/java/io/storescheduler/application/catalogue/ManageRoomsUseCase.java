package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;

/** A store's rooms: add one, change one (names are unique per store as {@code NameKey} compares them: look-alikes are one name), read them. */
public interface ManageRoomsUseCase {

    record CreateRoomCommand(StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes) {

        public CreateRoomCommand(StoreId storeId, String name, int capacity, boolean active) {
            this(storeId, name, capacity, active, 0);
        }
    }

    record PatchRoomCommand(StoreId storeId, RoomId roomId, RoomChanges changes) {}

    Outcome<Room> createRoom(CreateRoomCommand command);

    Outcome<Room> patchRoom(PatchRoomCommand command);

    Outcome<Room> getRoom(StoreId storeId, RoomId roomId);

    Page<Room> listRooms(StoreId storeId, PageRequest page);
}

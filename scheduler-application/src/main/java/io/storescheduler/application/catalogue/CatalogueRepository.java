package io.storescheduler.application.catalogue;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a store's catalogue is kept: rooms, scripts with their characters, DMs and clients. Every
 * read is scoped to one store, so a row of another store is never found.
 */
public interface CatalogueRepository {

    /** A script's character as it is created: the database gives it its id. */
    record NewCharacter(String name, boolean dm) {}

    /** What a partial update changes of a room; a field it keeps is not written at all. */
    record RoomChanges(FieldChange<String> name, FieldChange<Integer> capacity, FieldChange<Boolean> active,
            FieldChange<Integer> turnaroundMinutes) {

        public RoomChanges(FieldChange<String> name, FieldChange<Integer> capacity, FieldChange<Boolean> active) {
            this(name, capacity, active, FieldChange.keep());
        }

        /** Whether the change can move other bookings' conflicts or a confirm's room choice. */
        public boolean changesOccupancy() {
            return capacity.isSet() || active.isSet() || turnaroundMinutes.isSet();
        }
    }

    /** What a partial update changes of a script; its characters are not among them. */
    record ScriptChanges(FieldChange<String> name, FieldChange<Integer> durationMinutes) {}

    /** {@code scriptIds} set to null: the DM hosts every script again. */
    record DmChanges(FieldChange<String> name, FieldChange<Boolean> active, FieldChange<Set<ScriptId>> scriptIds) {

        public DmChanges(FieldChange<String> name, FieldChange<Boolean> active) {
            this(name, active, FieldChange.keep());
        }
    }

    record ClientChanges(FieldChange<String> name, FieldChange<String> phone) {}

    Room insertRoom(StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes);

    default Room insertRoom(StoreId storeId, String name, int capacity, boolean active) {
        return insertRoom(storeId, name, capacity, active, 0);
    }

    Optional<Room> findRoom(StoreId storeId, RoomId roomId);

    /** The store's room whose name has the {@code NameKey} of {@code name}: the one a room so named would clash with. */
    Optional<RoomId> roomNamedLike(StoreId storeId, String name);

    /** Why a room cannot be named {@code name}: the store has a room of that name, or of one that looks the same. */
    static Refusal roomNameTaken(String name) {
        return Refusal.conflict("room_name_taken", "this store has a room named '" + name + "', or one that looks the same, already");
    }

    Page<Room> listRooms(StoreId storeId, PageRequest page);

    /**
     * Writes the changes in one statement, so concurrent changes of other fields are not lost, and
     * answers the room as it is now; empty when the store has no such room. A name with the
     * {@code NameKey} of another room's name in the store is a conflict, as it is on insert: the
     * use case refuses it first, and this is the last guard, thrown, against a write racing it.
     */
    Optional<Room> updateRoom(StoreId storeId, RoomId roomId, RoomChanges changes);

    /** The store's active rooms seating at least {@code minCapacity}. */
    List<Room> activeRoomsSeating(StoreId storeId, int minCapacity);

    Script insertScript(StoreId storeId, String name, int durationMinutes, List<NewCharacter> characters);

    Optional<Script> findScript(StoreId storeId, ScriptId scriptId);

    Page<Script> listScripts(StoreId storeId, PageRequest page);

    /** Like {@link #updateRoom}, for a script's own columns. */
    Optional<Script> updateScript(StoreId storeId, ScriptId scriptId, ScriptChanges changes);

    /** {@code scriptIds} null: the DM hosts every script. */
    Dm insertDm(StoreId storeId, String name, boolean active, Set<ScriptId> scriptIds);

    default Dm insertDm(StoreId storeId, String name, boolean active) {
        return insertDm(storeId, name, active, null);
    }

    /** Which of {@code scriptIds} are scripts of the store. */
    List<ScriptId> existingScripts(StoreId storeId, Collection<ScriptId> scriptIds);

    /** Every DM of the store, active or not, by id: at most the DM quota of rows. */
    List<Dm> allDms(StoreId storeId);

    /** Every room of the store, active or not, by id: at most the room quota of rows. */
    List<Room> allRooms(StoreId storeId);

    Optional<Dm> findDm(StoreId storeId, DmId dmId);

    Page<Dm> listDms(StoreId storeId, PageRequest page);

    /** Like {@link #updateRoom}. */
    Optional<Dm> updateDm(StoreId storeId, DmId dmId, DmChanges changes);

    Client insertClient(StoreId storeId, String name, String phone);

    Optional<Client> findClient(StoreId storeId, ClientId clientId);

    /** Clients whose name or phone contains {@code query}, case-insensitively; all when it is null. */
    Page<Client> listClients(StoreId storeId, String query, PageRequest page);

    /** Like {@link #updateRoom}; a phone set to null is cleared. */
    Optional<Client> updateClient(StoreId storeId, ClientId clientId, ClientChanges changes);

    /** Which of {@code clientIds} are clients of the store. */
    List<ClientId> existingClients(StoreId storeId, Collection<ClientId> clientIds);
}

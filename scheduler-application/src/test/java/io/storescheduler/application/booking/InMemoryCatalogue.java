package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The part of {@link CatalogueRepository} the booking services use: finding rooms, scripts, DMs
 * and clients inside a store, and the rooms that seat a party. Tests fill it through the inserts.
 * Every id, of whatever kind, comes from one sequence, so a room id passed where a client id is
 * meant finds nothing instead of some client by chance.
 */
final class InMemoryCatalogue implements CatalogueRepository {

    private final Map<Long, Room> rooms = new HashMap<>();
    private final Map<Long, Script> scripts = new HashMap<>();
    private final Map<Long, Dm> dms = new HashMap<>();
    private final Map<Long, Client> clients = new HashMap<>();
    private long lastId = 1000;

    @Override
    public Room insertRoom(long storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        var room = new Room(++lastId, storeId, name, capacity, active, turnaroundMinutes);
        rooms.put(room.id(), room);
        return room;
    }

    @Override
    public Optional<Room> findRoom(long storeId, long roomId) {
        return inStore(rooms.get(roomId), storeId, Room::storeId);
    }

    @Override
    public List<Room> activeRoomsSeating(long storeId, int minCapacity) {
        return rooms.values().stream()
                .filter(room -> room.storeId() == storeId && room.active() && room.capacity() >= minCapacity)
                .sorted(Comparator.comparingLong(Room::id))
                .toList();
    }

    @Override
    public Script insertScript(long storeId, String name, int durationMinutes, List<NewCharacter> characters) {
        var scriptId = ++lastId;
        var made = characters.stream().map(character -> new ScriptCharacter(++lastId, character.name(), character.dm())).toList();
        var script = new Script(scriptId, storeId, name, durationMinutes, made);
        scripts.put(scriptId, script);
        return script;
    }

    @Override
    public Optional<Script> findScript(long storeId, long scriptId) {
        return inStore(scripts.get(scriptId), storeId, Script::storeId);
    }

    @Override
    public Dm insertDm(long storeId, String name, boolean active, Set<Long> scriptIds) {
        var dm = Dm.of(++lastId, storeId, name, active, scriptIds);
        dms.put(dm.id(), dm);
        return dm;
    }

    @Override
    public Optional<Dm> findDm(long storeId, long dmId) {
        return inStore(dms.get(dmId), storeId, Dm::storeId);
    }

    @Override
    public Client insertClient(long storeId, String name, String phone) {
        var client = new Client(++lastId, storeId, name, phone);
        clients.put(client.id(), client);
        return client;
    }

    @Override
    public Optional<Client> findClient(long storeId, long clientId) {
        return inStore(clients.get(clientId), storeId, Client::storeId);
    }

    @Override
    public Page<Room> listRooms(long storeId, PageRequest page) {
        throw notUsed();
    }

    @Override
    public Optional<Room> updateRoom(long storeId, long roomId, RoomChanges changes) {
        throw notUsed();
    }

    @Override
    public Page<Script> listScripts(long storeId, PageRequest page) {
        throw notUsed();
    }

    @Override
    public Optional<Script> updateScript(long storeId, long scriptId, ScriptChanges changes) {
        throw notUsed();
    }

    @Override
    public Page<Dm> listDms(long storeId, PageRequest page) {
        throw notUsed();
    }

    @Override
    public Optional<Dm> updateDm(long storeId, long dmId, DmChanges changes) {
        throw notUsed();
    }

    @Override
    public Page<Client> listClients(long storeId, String query, PageRequest page) {
        throw notUsed();
    }

    @Override
    public Optional<Client> updateClient(long storeId, long clientId, ClientChanges changes) {
        throw notUsed();
    }

    @Override
    public List<Long> existingClients(long storeId, Collection<Long> clientIds) {
        throw notUsed();
    }

    @Override
    public List<Long> existingScripts(long storeId, Collection<Long> scriptIds) {
        return scriptIds.stream().filter(id -> findScript(storeId, id).isPresent()).toList();
    }

    @Override
    public List<Dm> allDms(long storeId) {
        return dms.values().stream().filter(dm -> dm.storeId() == storeId).sorted(Comparator.comparingLong(Dm::id)).toList();
    }

    @Override
    public List<Room> allRooms(long storeId) {
        return rooms.values().stream().filter(room -> room.storeId() == storeId).sorted(Comparator.comparingLong(Room::id)).toList();
    }

    private static <T> Optional<T> inStore(T row, long storeId, ToLongFunction<T> storeOf) {
        return Optional.ofNullable(row).filter(found -> storeOf.applyAsLong(found) == storeId);
    }

    private static UnsupportedOperationException notUsed() {
        return new UnsupportedOperationException("the booking services do not list or change the catalogue");
    }
}

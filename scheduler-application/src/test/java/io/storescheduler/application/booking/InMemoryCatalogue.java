package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.NameKey;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * {@link CatalogueRepository} on maps of the store's rows, each listed by id as the jOOQ adapter
 * lists them. As there, a room name whose {@link NameKey} another room of the store has is a
 * {@code room_name_taken} conflict, and a client query matches name or phone literally, ignoring
 * case. Every id, of whatever kind, comes from one sequence, so a room id passed where a client id
 * is meant finds nothing instead of some client by chance. {@code CatalogueRepositoryContract}
 * holds it to the jOOQ adapter's behaviour.
 */
final class InMemoryCatalogue implements CatalogueRepository {

    private final Map<RoomId, Room> rooms = new TreeMap<>();
    private final Map<ScriptId, Script> scripts = new TreeMap<>();
    private final Map<DmId, Dm> dms = new TreeMap<>();
    private final Map<ClientId, Client> clients = new TreeMap<>();
    private long lastId = 1000;

    @Override
    public Room insertRoom(StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        refuseTakenName(storeId, null, name);
        var room = new Room(new RoomId(++lastId), storeId, name, capacity, active, turnaroundMinutes);
        rooms.put(room.id(), room);
        return room;
    }

    @Override
    public Optional<Room> findRoom(StoreId storeId, RoomId roomId) {
        return inStore(rooms.get(roomId), storeId, Room::storeId);
    }

    @Override
    public Optional<RoomId> roomNamedLike(StoreId storeId, String name) {
        var key = NameKey.of(name);
        return allRooms(storeId).stream().filter(room -> NameKey.of(room.name()).equals(key)).map(Room::id).findFirst();
    }

    @Override
    public Page<Room> listRooms(StoreId storeId, PageRequest page) {
        return Page.of(allRooms(storeId), page);
    }

    @Override
    public Optional<Room> updateRoom(StoreId storeId, RoomId roomId, RoomChanges changes) {
        return replace(rooms, storeId, roomId, Room::storeId, room -> {
            changes.name().ifSet(name -> name).ifPresent(name -> refuseTakenName(storeId, roomId, name));
            return new Room(roomId, storeId, changes.name().orElse(room.name()), changes.capacity().orElse(room.capacity()),
                    changes.active().orElse(room.active()), changes.turnaroundMinutes().orElse(room.turnaroundMinutes()));
        });
    }

    @Override
    public List<Room> activeRoomsSeating(StoreId storeId, int minCapacity) {
        return allRooms(storeId).stream().filter(room -> room.active() && room.capacity() >= minCapacity).toList();
    }

    @Override
    public List<Room> allRooms(StoreId storeId) {
        return all(rooms, storeId, Room::storeId, room -> true);
    }

    @Override
    public Script insertScript(StoreId storeId, String name, int durationMinutes, List<NewCharacter> characters) {
        var scriptId = new ScriptId(++lastId);
        var made = characters.stream().map(character -> new ScriptCharacter(new CharacterId(++lastId), character.name(), character.dm())).toList();
        var script = new Script(scriptId, storeId, name, durationMinutes, made);
        scripts.put(scriptId, script);
        return script;
    }

    @Override
    public Optional<Script> findScript(StoreId storeId, ScriptId scriptId) {
        return inStore(scripts.get(scriptId), storeId, Script::storeId);
    }

    @Override
    public Page<Script> listScripts(StoreId storeId, PageRequest page) {
        return Page.of(all(scripts, storeId, Script::storeId, script -> true), page);
    }

    @Override
    public Optional<Script> updateScript(StoreId storeId, ScriptId scriptId, ScriptChanges changes) {
        return replace(scripts, storeId, scriptId, Script::storeId, script -> new Script(scriptId, storeId,
                changes.name().orElse(script.name()), changes.durationMinutes().orElse(script.durationMinutes()), script.characters()));
    }

    @Override
    public List<ScriptId> existingScripts(StoreId storeId, Collection<ScriptId> scriptIds) {
        return scriptIds.stream().filter(id -> findScript(storeId, id).isPresent()).toList();
    }

    @Override
    public Dm insertDm(StoreId storeId, String name, boolean active, Set<ScriptId> scriptIds) {
        var dm = Dm.of(new DmId(++lastId), storeId, name, active, scriptIds);
        dms.put(dm.id(), dm);
        return dm;
    }

    @Override
    public Optional<Dm> findDm(StoreId storeId, DmId dmId) {
        return inStore(dms.get(dmId), storeId, Dm::storeId);
    }

    @Override
    public List<Dm> allDms(StoreId storeId) {
        return all(dms, storeId, Dm::storeId, dm -> true);
    }

    @Override
    public Page<Dm> listDms(StoreId storeId, PageRequest page) {
        return Page.of(allDms(storeId), page);
    }

    @Override
    public Optional<Dm> updateDm(StoreId storeId, DmId dmId, DmChanges changes) {
        return replace(dms, storeId, dmId, Dm::storeId, dm -> Dm.of(dmId, storeId, changes.name().orElse(dm.name()),
                changes.active().orElse(dm.active()), changes.scriptIds().orElse(dm.scriptIds())));
    }

    @Override
    public Client insertClient(StoreId storeId, String name, String phone) {
        var client = new Client(new ClientId(++lastId), storeId, name, phone);
        clients.put(client.id(), client);
        return client;
    }

    @Override
    public Optional<Client> findClient(StoreId storeId, ClientId clientId) {
        return inStore(clients.get(clientId), storeId, Client::storeId);
    }

    @Override
    public Page<Client> listClients(StoreId storeId, String query, PageRequest page) {
        return Page.of(all(clients, storeId, Client::storeId, matching(query)), page);
    }

    @Override
    public Optional<Client> updateClient(StoreId storeId, ClientId clientId, ClientChanges changes) {
        return replace(clients, storeId, clientId, Client::storeId, client -> new Client(clientId, storeId,
                changes.name().orElse(client.name()), changes.phone().orElse(client.phone())));
    }

    @Override
    public List<ClientId> existingClients(StoreId storeId, Collection<ClientId> clientIds) {
        return clientIds.stream().filter(id -> findClient(storeId, id).isPresent()).sorted().distinct().toList();
    }

    private void refuseTakenName(StoreId storeId, RoomId roomId, String name) {
        var key = NameKey.of(name);
        if (allRooms(storeId).stream().anyMatch(room -> !room.id().equals(roomId) && NameKey.of(room.name()).equals(key))) {
            throw UseCaseFailure.of(CatalogueRepository.roomNameTaken(name));
        }
    }

    private static Predicate<Client> matching(String query) {
        if (query == null || query.isBlank()) {
            return client -> true;
        }
        var wanted = query.toLowerCase(Locale.ROOT);
        return client -> client.name().toLowerCase(Locale.ROOT).contains(wanted)
                || (client.phone() != null && client.phone().toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static <T> List<T> all(Map<?, T> rows, StoreId storeId, Function<T, StoreId> storeOf, Predicate<T> wanted) {
        return rows.values().stream().filter(row -> storeOf.apply(row).equals(storeId)).filter(wanted).toList();
    }

    private static <I, T> Optional<T> replace(Map<I, T> rows, StoreId storeId, I id, Function<T, StoreId> storeOf,
            UnaryOperator<T> change) {
        var changed = inStore(rows.get(id), storeId, storeOf).map(change);
        changed.ifPresent(row -> rows.put(id, row));
        return changed;
    }

    private static <T> Optional<T> inStore(T row, StoreId storeId, Function<T, StoreId> storeOf) {
        return Optional.ofNullable(row).filter(found -> storeOf.apply(found).equals(storeId));
    }
}

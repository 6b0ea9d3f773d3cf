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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
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

    private final Map<Long, Room> rooms = new TreeMap<>();
    private final Map<Long, Script> scripts = new TreeMap<>();
    private final Map<Long, Dm> dms = new TreeMap<>();
    private final Map<Long, Client> clients = new TreeMap<>();
    private long lastId = 1000;

    @Override
    public Room insertRoom(long storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        refuseTakenName(storeId, 0, name);
        var room = new Room(++lastId, storeId, name, capacity, active, turnaroundMinutes);
        rooms.put(room.id(), room);
        return room;
    }

    @Override
    public Optional<Room> findRoom(long storeId, long roomId) {
        return inStore(rooms.get(roomId), storeId, Room::storeId);
    }

    @Override
    public Page<Room> listRooms(long storeId, PageRequest page) {
        return Page.of(allRooms(storeId), page);
    }

    @Override
    public Optional<Room> updateRoom(long storeId, long roomId, RoomChanges changes) {
        return replace(rooms, storeId, roomId, Room::storeId, room -> {
            changes.name().ifSet(name -> name).ifPresent(name -> refuseTakenName(storeId, roomId, name));
            return new Room(roomId, storeId, changes.name().orElse(room.name()), changes.capacity().orElse(room.capacity()),
                    changes.active().orElse(room.active()), changes.turnaroundMinutes().orElse(room.turnaroundMinutes()));
        });
    }

    @Override
    public List<Room> activeRoomsSeating(long storeId, int minCapacity) {
        return allRooms(storeId).stream().filter(room -> room.active() && room.capacity() >= minCapacity).toList();
    }

    @Override
    public List<Room> allRooms(long storeId) {
        return all(rooms, storeId, Room::storeId, room -> true);
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
    public Page<Script> listScripts(long storeId, PageRequest page) {
        return Page.of(all(scripts, storeId, Script::storeId, script -> true), page);
    }

    @Override
    public Optional<Script> updateScript(long storeId, long scriptId, ScriptChanges changes) {
        return replace(scripts, storeId, scriptId, Script::storeId, script -> new Script(scriptId, storeId,
                changes.name().orElse(script.name()), changes.durationMinutes().orElse(script.durationMinutes()), script.characters()));
    }

    @Override
    public List<Long> existingScripts(long storeId, Collection<Long> scriptIds) {
        return scriptIds.stream().filter(id -> findScript(storeId, id).isPresent()).toList();
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
    public List<Dm> allDms(long storeId) {
        return all(dms, storeId, Dm::storeId, dm -> true);
    }

    @Override
    public Page<Dm> listDms(long storeId, PageRequest page) {
        return Page.of(allDms(storeId), page);
    }

    @Override
    public Optional<Dm> updateDm(long storeId, long dmId, DmChanges changes) {
        return replace(dms, storeId, dmId, Dm::storeId, dm -> Dm.of(dmId, storeId, changes.name().orElse(dm.name()),
                changes.active().orElse(dm.active()), changes.scriptIds().orElse(dm.scriptIds())));
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
    public Page<Client> listClients(long storeId, String query, PageRequest page) {
        return Page.of(all(clients, storeId, Client::storeId, matching(query)), page);
    }

    @Override
    public Optional<Client> updateClient(long storeId, long clientId, ClientChanges changes) {
        return replace(clients, storeId, clientId, Client::storeId, client -> new Client(clientId, storeId,
                changes.name().orElse(client.name()), changes.phone().orElse(client.phone())));
    }

    @Override
    public List<Long> existingClients(long storeId, Collection<Long> clientIds) {
        return clientIds.stream().filter(id -> findClient(storeId, id).isPresent()).sorted().distinct().toList();
    }

    private void refuseTakenName(long storeId, long roomId, String name) {
        var key = NameKey.of(name);
        if (allRooms(storeId).stream().anyMatch(room -> room.id() != roomId && NameKey.of(room.name()).equals(key))) {
            throw UseCaseFailure.conflict("room_name_taken", "this store has a room named '" + name + "', or one that looks the same, already");
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

    private static <T> List<T> all(Map<Long, T> rows, long storeId, ToLongFunction<T> storeOf, Predicate<T> wanted) {
        return rows.values().stream().filter(row -> storeOf.applyAsLong(row) == storeId).filter(wanted).toList();
    }

    private static <T> Optional<T> replace(Map<Long, T> rows, long storeId, long id, ToLongFunction<T> storeOf, UnaryOperator<T> change) {
        var changed = inStore(rows.get(id), storeId, storeOf).map(change);
        changed.ifPresent(row -> rows.put(id, row));
        return changed;
    }

    private static <T> Optional<T> inStore(T row, long storeId, ToLongFunction<T> storeOf) {
        return Optional.ofNullable(row).filter(found -> storeOf.applyAsLong(found) == storeId);
    }
}

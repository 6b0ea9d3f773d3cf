package io.storescheduler.application.catalogue;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a store's catalogue is kept: rooms, scripts with their characters, DMs and clients. Every
 * read is scoped to one store, so a row of another store is never found.
 */
public interface CatalogueRepository {

    /** A script's character as it is created: the database gives it its id. */
    record NewCharacter(String name, boolean dm) {}

    Room insertRoom(long storeId, String name, int capacity, boolean active);

    Optional<Room> findRoom(long storeId, long roomId);

    Page<Room> listRooms(long storeId, PageRequest page);

    /** The store's active rooms seating at least {@code minCapacity}. */
    List<Room> activeRoomsSeating(long storeId, int minCapacity);

    Script insertScript(long storeId, String name, int durationMinutes, List<NewCharacter> characters);

    Optional<Script> findScript(long storeId, long scriptId);

    Page<Script> listScripts(long storeId, PageRequest page);

    Dm insertDm(long storeId, String name, boolean active);

    Optional<Dm> findDm(long storeId, long dmId);

    Page<Dm> listDms(long storeId, PageRequest page);

    Client insertClient(long storeId, String name, String phone);

    Optional<Client> findClient(long storeId, long clientId);

    /** Clients whose name or phone contains {@code query}, case-insensitively; all when it is null. */
    Page<Client> listClients(long storeId, String query, PageRequest page);

    /** Which of {@code clientIds} are clients of the store. */
    List<Long> existingClients(long storeId, Collection<Long> clientIds);
}

package io.storescheduler.application.catalogue;

import io.storescheduler.application.quota.Quota;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.NameKey;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.Set;
import java.util.TreeSet;

/**
 * The store's catalogue. One service for the four resources because each action is a single
 * repository call after its quota check; the booking flow, where the rules live, has a service per
 * use case.
 */
public final class CatalogueService implements ManageRoomsUseCase, ManageScriptsUseCase, ManageDmsUseCase, ManageClientsUseCase {

    private final CatalogueRepository catalogue;
    private final TransactionRunner transactions;
    private final StoreQuotas quotas;
    private final StoreScheduleLock scheduleLock;

    public CatalogueService(CatalogueRepository catalogue, TransactionRunner transactions, StoreQuotas quotas,
            StoreScheduleLock scheduleLock) {
        this.catalogue = catalogue;
        this.transactions = transactions;
        this.quotas = quotas;
        this.scheduleLock = scheduleLock;
    }

    @Override
    public Room createRoom(CreateRoomCommand command) {
        requireVisible(command.name());
        return transactions.inTransaction(() -> {
            quotas.ensureRoomForOneMore(command.storeId(), Quota.ROOMS);
            return catalogue.insertRoom(command.storeId(), command.name(), command.capacity(), command.active(),
                    command.turnaroundMinutes());
        });
    }

    /**
     * A new turnaround, capacity or state changes the conflicts of the room's bookings and what a
     * confirm may choose, so it is written under the store's schedule lock: a confirm racing it
     * sees the room either as it was or as it is now, never half of each.
     */
    @Override
    public Room patchRoom(PatchRoomCommand command) {
        command.changes().name().ifSet(CatalogueService::requireVisible);
        return transactions.inTransaction(() -> {
            if (command.changes().changesOccupancy()) {
                scheduleLock.lock(command.storeId());
            }
            return catalogue.updateRoom(command.storeId(), command.roomId(), command.changes());
        }).orElseThrow(() -> UseCaseFailure.notFound("room", command.roomId()));
    }

    /** A room is told apart by its name: one with nothing visible in it could not be. */
    private static String requireVisible(String roomName) {
        if (!NameKey.isVisible(roomName)) {
            throw UseCaseFailure.invalid("invalid_value", "name", "a room name needs a visible character: this one is blank or made only of invisible characters");
        }
        return roomName;
    }

    @Override
    public Room getRoom(StoreId storeId, RoomId roomId) {
        return catalogue.findRoom(storeId, roomId).orElseThrow(() -> UseCaseFailure.notFound("room", roomId));
    }

    @Override
    public Page<Room> listRooms(StoreId storeId, PageRequest page) {
        return catalogue.listRooms(storeId, page);
    }

    @Override
    public Script createScript(CreateScriptCommand command) {
        if (command.characters().stream().allMatch(CatalogueRepository.NewCharacter::dm)) {
            throw UseCaseFailure.invalid("script_without_player_character", "characters",
                    "a script needs at least one character that is not a DM character");
        }
        return transactions.inTransaction(() -> {
            quotas.ensureRoomForOneMore(command.storeId(), Quota.SCRIPTS);
            return catalogue.insertScript(command.storeId(), command.name(), command.durationMinutes(), command.characters());
        });
    }

    /**
     * A new duration applies to bookings that take the script, or change their start, from now on;
     * bookings keep the end they were given, as the desk has told the party when they finish.
     */
    @Override
    public Script patchScript(PatchScriptCommand command) {
        return transactions.inTransaction(() -> catalogue.updateScript(command.storeId(), command.scriptId(), command.changes()))
                .orElseThrow(() -> UseCaseFailure.notFound("script", command.scriptId()));
    }

    @Override
    public Script getScript(StoreId storeId, ScriptId scriptId) {
        return catalogue.findScript(storeId, scriptId).orElseThrow(() -> UseCaseFailure.notFound("script", scriptId));
    }

    @Override
    public Page<Script> listScripts(StoreId storeId, PageRequest page) {
        return catalogue.listScripts(storeId, page);
    }

    @Override
    public Dm createDm(CreateDmCommand command) {
        return transactions.inTransaction(() -> {
            quotas.ensureRoomForOneMore(command.storeId(), Quota.DMS);
            requireScriptsOfStore(command.storeId(), command.scriptIds());
            return catalogue.insertDm(command.storeId(), command.name(), command.active(), command.scriptIds());
        });
    }

    /**
     * A DM made inactive keeps the matches it has; only new matches need an active DM. A change of
     * the scripts a DM hosts is written under the store's schedule lock, which DM matches and
     * confirms take too, so none of them checks a DM against scripts that are changing under it.
     */
    @Override
    public Dm patchDm(PatchDmCommand command) {
        return transactions.inTransaction(() -> {
            if (command.changes().scriptIds().isSet() || command.changes().active().isSet()) {
                scheduleLock.lock(command.storeId());
            }
            if (command.changes().scriptIds() instanceof FieldChange.SetTo<Set<ScriptId>>(var scriptIds)) {
                requireScriptsOfStore(command.storeId(), scriptIds);
            }
            return catalogue.updateDm(command.storeId(), command.dmId(), command.changes());
        }).orElseThrow(() -> UseCaseFailure.notFound("dm", command.dmId()));
    }

    /** A DM hosts scripts of their own store only; null (every script) names none. */
    private void requireScriptsOfStore(StoreId storeId, Set<ScriptId> scriptIds) {
        if (scriptIds == null || scriptIds.isEmpty()) {
            return;
        }
        var unknown = new TreeSet<>(scriptIds);
        unknown.removeAll(catalogue.existingScripts(storeId, scriptIds));
        if (!unknown.isEmpty()) {
            throw UseCaseFailure.invalid("unknown_script", "script_ids", "not scripts of this store: " + unknown);
        }
    }

    @Override
    public Dm getDm(StoreId storeId, DmId dmId) {
        return catalogue.findDm(storeId, dmId).orElseThrow(() -> UseCaseFailure.notFound("dm", dmId));
    }

    @Override
    public Page<Dm> listDms(StoreId storeId, PageRequest page) {
        return catalogue.listDms(storeId, page);
    }

    @Override
    public Client createClient(CreateClientCommand command) {
        return transactions.inTransaction(() -> {
            quotas.ensureRoomForOneMore(command.storeId(), Quota.CLIENTS);
            return catalogue.insertClient(command.storeId(), command.name(), command.phone());
        });
    }

    @Override
    public Client patchClient(PatchClientCommand command) {
        return transactions.inTransaction(() -> catalogue.updateClient(command.storeId(), command.clientId(), command.changes()))
                .orElseThrow(() -> UseCaseFailure.notFound("client", command.clientId()));
    }

    @Override
    public Client getClient(StoreId storeId, ClientId clientId) {
        return catalogue.findClient(storeId, clientId).orElseThrow(() -> UseCaseFailure.notFound("client", clientId));
    }

    @Override
    public Page<Client> listClients(StoreId storeId, String query, PageRequest page) {
        return catalogue.listClients(storeId, query, page);
    }
}

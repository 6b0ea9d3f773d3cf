package io.storescheduler.application.catalogue;

import io.storescheduler.application.quota.Quota;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The store's catalogue. One service for the four resources because each action is a single
 * repository call after its quota check; the booking flow, where the rules live, has a service per
 * use case. Each answers its refusals as an {@link Outcome}; a refused write leaves nothing behind.
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
    public Outcome<Room> createRoom(CreateRoomCommand command) {
        var storeId = command.storeId();
        return Outcome.unless(refusesName(command.name()), command).flatMap(visible -> createWithin(storeId, Quota.ROOMS,
                () -> Outcome.unless(refusesTakenName(storeId, command.name(), null), command).map(free -> catalogue.insertRoom(storeId,
                        command.name(), command.capacity(), command.active(), command.turnaroundMinutes()))));
    }

    /**
     * A new turnaround, capacity or state changes the conflicts of the room's bookings and what a
     * confirm may choose, so it is written under the store's schedule lock: a confirm racing it
     * sees the room either as it was or as it is now, never half of each.
     */
    @Override
    public Outcome<Room> patchRoom(PatchRoomCommand command) {
        var invisible = command.changes().name() instanceof FieldChange.SetTo<String>(var name) ? refusesName(name) : Optional.<Refusal>empty();
        return Outcome.unless(invisible, command).flatMap(visible -> transactions.attempt(() -> {
            if (command.changes().changesOccupancy()) {
                scheduleLock.lock(command.storeId());
            }
            var taken = command.changes().name().ifSet(name -> name).flatMap(name -> refusesRename(command.storeId(), command.roomId(), name));
            return Outcome.unless(taken, command).flatMap(free -> Outcome.of(catalogue.updateRoom(command.storeId(), command.roomId(),
                    command.changes()), () -> Refusal.notFound("room", command.roomId())));
        }));
    }

    /**
     * Names are unique in a store as {@code NameKey} compares them. A create checks under the room
     * quota's lock, which every create of the store takes; the database's unique index is the last
     * guard against a rename racing it.
     */
    private Optional<Refusal> refusesTakenName(StoreId storeId, String name, RoomId renamed) {
        return catalogue.roomNamedLike(storeId, name).filter(holder -> !holder.equals(renamed))
                .map(holder -> CatalogueRepository.roomNameTaken(name));
    }

    /** A room the store does not have is not found, whatever its new name. */
    private Optional<Refusal> refusesRename(StoreId storeId, RoomId roomId, String name) {
        return refusesTakenName(storeId, name, roomId)
                .map(taken -> catalogue.findRoom(storeId, roomId).isPresent() ? taken : Refusal.notFound("room", roomId));
    }

    /** A room is told apart by its name: one with nothing visible in it could not be. */
    private static Optional<Refusal> refusesName(String roomName) {
        return NameKey.isVisible(roomName) ? Optional.empty() : Optional.of(Refusal.invalid("invalid_value", "name",
                "a room name needs a visible character: this one is blank or made only of invisible characters"));
    }

    @Override
    public Outcome<Room> getRoom(StoreId storeId, RoomId roomId) {
        return Outcome.of(catalogue.findRoom(storeId, roomId), () -> Refusal.notFound("room", roomId));
    }

    @Override
    public Page<Room> listRooms(StoreId storeId, PageRequest page) {
        return catalogue.listRooms(storeId, page);
    }

    @Override
    public Outcome<Script> createScript(CreateScriptCommand command) {
        if (command.characters().stream().allMatch(CatalogueRepository.NewCharacter::dm)) {
            return Outcome.refused(Refusal.invalid("script_without_player_character", "characters",
                    "a script needs at least one character that is not a DM character"));
        }
        return createWithin(command.storeId(), Quota.SCRIPTS, () -> Outcome.done(
                catalogue.insertScript(command.storeId(), command.name(), command.durationMinutes(), command.characters())));
    }

    /**
     * A new duration applies to bookings that take the script, or change their start, from now on;
     * bookings keep the end they were given, as the desk has told the party when they finish.
     */
    @Override
    public Outcome<Script> patchScript(PatchScriptCommand command) {
        return transactions.attempt(() -> Outcome.of(catalogue.updateScript(command.storeId(), command.scriptId(), command.changes()),
                () -> Refusal.notFound("script", command.scriptId())));
    }

    @Override
    public Outcome<Script> getScript(StoreId storeId, ScriptId scriptId) {
        return Outcome.of(catalogue.findScript(storeId, scriptId), () -> Refusal.notFound("script", scriptId));
    }

    @Override
    public Page<Script> listScripts(StoreId storeId, PageRequest page) {
        return catalogue.listScripts(storeId, page);
    }

    @Override
    public Outcome<Dm> createDm(CreateDmCommand command) {
        var storeId = command.storeId();
        return createWithin(storeId, Quota.DMS, () -> Outcome.unless(refusesUnknownScripts(storeId, command.scriptIds()), command)
                .map(known -> catalogue.insertDm(storeId, command.name(), command.active(), command.scriptIds())));
    }

    /**
     * A DM made inactive keeps the matches it has; only new matches need an active DM. A change of
     * the scripts a DM hosts is written under the store's schedule lock, which DM matches and
     * confirms take too, so none of them checks a DM against scripts that are changing under it.
     */
    @Override
    public Outcome<Dm> patchDm(PatchDmCommand command) {
        return transactions.attempt(() -> {
            if (command.changes().scriptIds().isSet() || command.changes().active().isSet()) {
                scheduleLock.lock(command.storeId());
            }
            var unknown = command.changes().scriptIds() instanceof FieldChange.SetTo<Set<ScriptId>>(var scriptIds)
                    ? refusesUnknownScripts(command.storeId(), scriptIds) : Optional.<Refusal>empty();
            return Outcome.unless(unknown, command).flatMap(known -> Outcome.of(
                    catalogue.updateDm(command.storeId(), command.dmId(), command.changes()), () -> Refusal.notFound("dm", command.dmId())));
        });
    }

    /** A DM hosts scripts of their own store only; null (every script) names none. */
    private Optional<Refusal> refusesUnknownScripts(StoreId storeId, Set<ScriptId> scriptIds) {
        if (scriptIds == null || scriptIds.isEmpty()) {
            return Optional.empty();
        }
        var unknown = new TreeSet<>(scriptIds);
        unknown.removeAll(catalogue.existingScripts(storeId, scriptIds));
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of(Refusal.invalid("unknown_script", "script_ids", "not scripts of this store: " + unknown));
    }

    @Override
    public Outcome<Dm> getDm(StoreId storeId, DmId dmId) {
        return Outcome.of(catalogue.findDm(storeId, dmId), () -> Refusal.notFound("dm", dmId));
    }

    @Override
    public Page<Dm> listDms(StoreId storeId, PageRequest page) {
        return catalogue.listDms(storeId, page);
    }

    @Override
    public Outcome<Client> createClient(CreateClientCommand command) {
        return createWithin(command.storeId(), Quota.CLIENTS,
                () -> Outcome.done(catalogue.insertClient(command.storeId(), command.name(), command.phone())));
    }

    @Override
    public Outcome<Client> patchClient(PatchClientCommand command) {
        return transactions.attempt(() -> Outcome.of(catalogue.updateClient(command.storeId(), command.clientId(), command.changes()),
                () -> Refusal.notFound("client", command.clientId())));
    }

    @Override
    public Outcome<Client> getClient(StoreId storeId, ClientId clientId) {
        return Outcome.of(catalogue.findClient(storeId, clientId), () -> Refusal.notFound("client", clientId));
    }

    @Override
    public Page<Client> listClients(StoreId storeId, String query, PageRequest page) {
        return catalogue.listClients(storeId, query, page);
    }

    /** {@code insert}, in one transaction with the quota check before it, unless the store holds its {@code quota}. */
    private <T> Outcome<T> createWithin(StoreId storeId, Quota quota, Supplier<Outcome<T>> insert) {
        return transactions.attempt(() -> quotas.refusesOneMore(storeId, quota).<Outcome<T>>map(Outcome::refused).orElseGet(insert));
    }
}

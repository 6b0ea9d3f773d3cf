package io.storescheduler.adapter.http.catalogue;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.CreateClientRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.CreateDmRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.CreateRoomRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.CreateScriptRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.PatchClientRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.PatchDmRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.PatchRoomRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueRequests.PatchScriptRequest;
import io.storescheduler.adapter.http.catalogue.CatalogueResponses.ClientResponse;
import io.storescheduler.adapter.http.catalogue.CatalogueResponses.DmResponse;
import io.storescheduler.adapter.http.catalogue.CatalogueResponses.RoomResponse;
import io.storescheduler.adapter.http.catalogue.CatalogueResponses.ScriptResponse;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.application.catalogue.CatalogueRepository.ClientChanges;
import io.storescheduler.application.catalogue.CatalogueRepository.DmChanges;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges;
import io.storescheduler.application.catalogue.CatalogueRepository.ScriptChanges;
import io.storescheduler.application.catalogue.ManageClientsUseCase.CreateClientCommand;
import io.storescheduler.application.catalogue.ManageClientsUseCase.PatchClientCommand;
import io.storescheduler.application.catalogue.ManageClientsUseCase;
import io.storescheduler.application.catalogue.ManageDmsUseCase.CreateDmCommand;
import io.storescheduler.application.catalogue.ManageDmsUseCase.PatchDmCommand;
import io.storescheduler.application.catalogue.ManageDmsUseCase;
import io.storescheduler.application.catalogue.ManageRoomsUseCase.CreateRoomCommand;
import io.storescheduler.application.catalogue.ManageRoomsUseCase.PatchRoomCommand;
import io.storescheduler.application.catalogue.ManageRoomsUseCase;
import io.storescheduler.application.catalogue.ManageScriptsUseCase.CreateScriptCommand;
import io.storescheduler.application.catalogue.ManageScriptsUseCase.PatchScriptCommand;
import io.storescheduler.application.catalogue.ManageScriptsUseCase;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.Store;
import java.util.Set;

/** A store's rooms, scripts, DMs and clients: create, read, list, change. */
public final class CatalogueRoutes {

    private static final String STORE = "/api/v1/stores/{store_id}";

    /** The catalogue use cases these routes call. */
    public record UseCases(
            ManageRoomsUseCase rooms,
            ManageScriptsUseCase scripts,
            ManageDmsUseCase dms,
            ManageClientsUseCase clients) {}

    private final Guard guard;
    private final JsonBodies bodies;
    private final Answers answers;
    private final ManageRoomsUseCase rooms;
    private final ManageScriptsUseCase scripts;
    private final ManageDmsUseCase dms;
    private final ManageClientsUseCase clients;

    public CatalogueRoutes(Guard guard, JsonBodies bodies, Answers answers, UseCases useCases) {
        this.guard = guard;
        this.bodies = bodies;
        this.answers = answers;
        this.rooms = useCases.rooms();
        this.scripts = useCases.scripts();
        this.dms = useCases.dms();
        this.clients = useCases.clients();
    }

    public void register(JavalinDefaultRoutingApi routes) {
        registerRooms(routes);
        registerScripts(routes);
        registerDms(routes);
        registerClients(routes);
    }

    private void registerRooms(JavalinDefaultRoutingApi routes) {
        routes.post(STORE + "/rooms", guard.storeCreation(this::createRoom));
        routes.get(STORE + "/rooms", guard.store((ctx, store) ->
                answers.ok(ctx, ListResponse.of(rooms.listRooms(store.id(), Parameters.page(ctx)), RoomResponse::from))));
        routes.get(STORE + "/rooms/{room_id}", guard.store((ctx, store) ->
                answers.unlessRefused(ctx, rooms.getRoom(store.id(), Parameters.pathId(ctx, "room_id", RoomId::new)),
                        found -> answers.ok(ctx, RoomResponse.from(found)))));
        routes.patch(STORE + "/rooms/{room_id}", guard.store(this::patchRoom));
    }

    private void registerScripts(JavalinDefaultRoutingApi routes) {
        routes.post(STORE + "/scripts", guard.storeCreation(this::createScript));
        routes.get(STORE + "/scripts", guard.store((ctx, store) ->
                answers.ok(ctx, ListResponse.of(scripts.listScripts(store.id(), Parameters.page(ctx)), ScriptResponse::from))));
        routes.get(STORE + "/scripts/{script_id}", guard.store((ctx, store) ->
                answers.unlessRefused(ctx, scripts.getScript(store.id(), Parameters.pathId(ctx, "script_id", ScriptId::new)),
                        found -> answers.ok(ctx, ScriptResponse.from(found)))));
        routes.patch(STORE + "/scripts/{script_id}", guard.store(this::patchScript));
    }

    private void registerDms(JavalinDefaultRoutingApi routes) {
        routes.post(STORE + "/dms", guard.storeCreation(this::createDm));
        routes.get(STORE + "/dms", guard.store((ctx, store) ->
                answers.ok(ctx, ListResponse.of(dms.listDms(store.id(), Parameters.page(ctx)), DmResponse::from))));
        routes.get(STORE + "/dms/{dm_id}", guard.store((ctx, store) ->
                answers.unlessRefused(ctx, dms.getDm(store.id(), Parameters.pathId(ctx, "dm_id", DmId::new)),
                        found -> answers.ok(ctx, DmResponse.from(found)))));
        routes.patch(STORE + "/dms/{dm_id}", guard.store(this::patchDm));
    }

    private void registerClients(JavalinDefaultRoutingApi routes) {
        routes.post(STORE + "/clients", guard.storeCreation(this::createClient));
        routes.get(STORE + "/clients", guard.store(this::listClients));
        routes.get(STORE + "/clients/{client_id}", guard.store((ctx, store) ->
                answers.unlessRefused(ctx, clients.getClient(store.id(), Parameters.pathId(ctx, "client_id", ClientId::new)),
                        found -> answers.ok(ctx, ClientResponse.from(found)))));
        routes.patch(STORE + "/clients/{client_id}", guard.store(this::patchClient));
    }

    private void createRoom(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateRoomRequest.class);
        var turnaround = request.turnaroundMinutes() == null ? 0 : request.turnaroundMinutes();
        var room = rooms.createRoom(new CreateRoomCommand(store.id(), request.name(), request.capacity(),
                !Boolean.FALSE.equals(request.active()), turnaround));
        answers.unlessRefused(ctx, room, created -> answers.created(ctx, RoomResponse.from(created)));
    }

    private void patchRoom(Context ctx, Store store) {
        var roomId = Parameters.pathId(ctx, "room_id", RoomId::new);
        var patch = bodies.patch(ctx, PatchRoomRequest.class, Set.of());
        var changes = new RoomChanges(patch.change("name", PatchRoomRequest::name),
                patch.change("capacity", PatchRoomRequest::capacity), patch.change("active", PatchRoomRequest::active),
                patch.change("turnaround_minutes", PatchRoomRequest::turnaroundMinutes));
        var patched = rooms.patchRoom(new PatchRoomCommand(store.id(), roomId, changes));
        answers.unlessRefused(ctx, patched, changed -> answers.ok(ctx, RoomResponse.from(changed)));
    }

    private void createScript(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateScriptRequest.class);
        var characters = request.characters().stream()
                .map(character -> new NewCharacter(character.name(), Boolean.TRUE.equals(character.isDm())))
                .toList();
        var script = scripts.createScript(new CreateScriptCommand(store.id(), request.name(), request.durationMinutes(), characters));
        answers.unlessRefused(ctx, script, created -> answers.created(ctx, ScriptResponse.from(created)));
    }

    private void patchScript(Context ctx, Store store) {
        var scriptId = Parameters.pathId(ctx, "script_id", ScriptId::new);
        var patch = bodies.patch(ctx, PatchScriptRequest.class, Set.of());
        var changes = new ScriptChanges(patch.change("name", PatchScriptRequest::name),
                patch.change("duration_minutes", PatchScriptRequest::durationMinutes));
        var patched = scripts.patchScript(new PatchScriptCommand(store.id(), scriptId, changes));
        answers.unlessRefused(ctx, patched, changed -> answers.ok(ctx, ScriptResponse.from(changed)));
    }

    private void createDm(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateDmRequest.class);
        var dm = dms.createDm(new CreateDmCommand(store.id(), request.name(), !Boolean.FALSE.equals(request.active()),
                CatalogueRequests.scriptIds(request.scriptIds())));
        answers.unlessRefused(ctx, dm, created -> answers.created(ctx, DmResponse.from(created)));
    }

    private void patchDm(Context ctx, Store store) {
        var dmId = Parameters.pathId(ctx, "dm_id", DmId::new);
        var patch = bodies.patch(ctx, PatchDmRequest.class, Set.of("script_ids"));
        var changes = new DmChanges(patch.change("name", PatchDmRequest::name), patch.change("active", PatchDmRequest::active),
                patch.change("script_ids", body -> CatalogueRequests.scriptIds(body.scriptIds())));
        var patched = dms.patchDm(new PatchDmCommand(store.id(), dmId, changes));
        answers.unlessRefused(ctx, patched, changed -> answers.ok(ctx, DmResponse.from(changed)));
    }

    private void createClient(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateClientRequest.class);
        var client = clients.createClient(new CreateClientCommand(store.id(), request.name(), request.phone()));
        answers.unlessRefused(ctx, client, created -> answers.created(ctx, ClientResponse.from(created)));
    }

    private void patchClient(Context ctx, Store store) {
        var clientId = Parameters.pathId(ctx, "client_id", ClientId::new);
        var patch = bodies.patch(ctx, PatchClientRequest.class, Set.of("phone"));
        var changes = new ClientChanges(patch.change("name", PatchClientRequest::name), patch.change("phone", PatchClientRequest::phone));
        var patched = clients.patchClient(new PatchClientCommand(store.id(), clientId, changes));
        answers.unlessRefused(ctx, patched, changed -> answers.ok(ctx, ClientResponse.from(changed)));
    }

    private void listClients(Context ctx, Store store) {
        var query = Parameters.textParam(ctx, "q", 100);
        answers.ok(ctx, ListResponse.of(clients.listClients(store.id(), query, Parameters.page(ctx)), ClientResponse::from));
    }
}

package io.storescheduler.adapter.http.access;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.CreateActorUseCase.CreateActorCommand;
import io.storescheduler.application.access.CreateActorUseCase;
import io.storescheduler.application.access.CreateStoreUseCase.CreateStoreCommand;
import io.storescheduler.application.access.CreateStoreUseCase;
import io.storescheduler.application.access.ListActorsUseCase;
import io.storescheduler.application.access.ListStoresUseCase;
import io.storescheduler.application.access.PatchStoreUseCase.PatchStoreCommand;
import io.storescheduler.application.access.PatchStoreUseCase;
import io.storescheduler.application.access.RevokeActorUseCase;
import io.storescheduler.application.access.StoreRepository.StoreChanges;
import io.storescheduler.domain.id.StoreId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The admin routes: stores and actors; and reading the stores an actor may act on. */
public final class AccessRoutes {

    /** The store and actor use cases these routes call. */
    public record UseCases(
            CreateStoreUseCase createStore,
            ListStoresUseCase listStores,
            PatchStoreUseCase patchStore,
            CreateActorUseCase createActor,
            ListActorsUseCase listActors,
            RevokeActorUseCase revokeActor) {}

    private final Guard guard;
    private final JsonBodies bodies;
    private final Answers answers;
    private final CreateStoreUseCase createStore;
    private final ListStoresUseCase listStores;
    private final CreateActorUseCase createActor;
    private final PatchStoreUseCase patchStore;
    private final ListActorsUseCase listActors;
    private final RevokeActorUseCase revokeActor;

    public AccessRoutes(Guard guard, JsonBodies bodies, Answers answers, UseCases useCases) {
        this.guard = guard;
        this.bodies = bodies;
        this.answers = answers;
        this.createStore = useCases.createStore();
        this.listStores = useCases.listStores();
        this.createActor = useCases.createActor();
        this.patchStore = useCases.patchStore();
        this.listActors = useCases.listActors();
        this.revokeActor = useCases.revokeActor();
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/stores", guard.adminCreation(this::createStore));
        routes.get("/api/v1/stores", guard.authenticated(this::listStores));
        routes.get("/api/v1/stores/{store_id}", guard.store((ctx, store) -> answers.ok(ctx, StoreResponse.from(store))));
        routes.patch("/api/v1/stores/{store_id}", guard.admin(this::patchStore));
        routes.post("/api/v1/actors", guard.adminCreation(this::createActor));
        routes.get("/api/v1/actors", guard.admin(ctx ->
                answers.ok(ctx, ListResponse.of(listActors.listActors(Parameters.page(ctx)), ActorSummaryResponse::from))));
        routes.delete("/api/v1/actors/{actor_id}", guard.admin(this::revokeActor));
    }

    private void createStore(Context ctx) {
        var request = bodies.body(ctx, CreateStoreRequest.class);
        var store = createStore.create(new CreateStoreCommand(request.name(), zone(request.timezone()),
                OpeningHoursBody.read(request.openingHours())));
        answers.created(ctx, StoreResponse.from(store));
    }

    private void patchStore(Context ctx) {
        var storeId = Parameters.pathId(ctx, "store_id", StoreId::new);
        var patch = bodies.patch(ctx, PatchStoreRequest.class, Set.of("opening_hours"));
        var changes = new StoreChanges(patch.change("name", PatchStoreRequest::name),
                patch.change("timezone", PatchStoreRequest::timezone).map(AccessRoutes::zone),
                patch.change("opening_hours", body -> OpeningHoursBody.read(body.openingHours())));
        var patched = patchStore.patch(new PatchStoreCommand(storeId, changes));
        answers.unlessRefused(ctx, patched, store -> answers.ok(ctx, StoreResponse.from(store)));
    }

    private void listStores(Context ctx, Actor actor) {
        answers.ok(ctx, ListResponse.of(listStores.list(actor, Parameters.page(ctx)), StoreResponse::from));
    }

    private void createActor(Context ctx) {
        var request = bodies.body(ctx, CreateActorRequest.class);
        var storeIds = Objects.requireNonNullElse(request.storeIds(), List.<Long>of()).stream()
                .map(StoreId::new).collect(Collectors.toSet());
        var created = createActor.create(new CreateActorCommand(request.name(), storeIds, Boolean.TRUE.equals(request.admin())));
        answers.unlessRefused(ctx, created, actor -> answers.created(ctx, ActorResponse.created(actor)));
    }

    private void revokeActor(Context ctx) {
        answers.unlessRefused(ctx, revokeActor.revoke(Parameters.pathId(ctx, "actor_id")), revoked -> ctx.status(204));
    }

    static ZoneId zone(String timezone) {
        // region ids only: a fixed offset such as +08:00 would show the wrong time across DST changes.
        // Not the ids ical4j adds to this JVM's zones when it loads its own (ical4j~<uuid>): they
        // are gone at the next start, and a store kept with one could not be read again.
        if (!ZoneId.getAvailableZoneIds().contains(timezone) || timezone.startsWith("ical4j")) {
            var message = "'" + timezone + "' is not an IANA time zone such as Asia/Shanghai";
            throw new ApiProblem(422, "invalid_timezone", message, List.of(Map.of("field", "timezone", "message", message)));
        }
        return ZoneId.of(timezone);
    }
}

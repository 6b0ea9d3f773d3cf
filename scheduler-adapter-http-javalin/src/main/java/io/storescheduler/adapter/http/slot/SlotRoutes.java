package io.storescheduler.adapter.http.slot;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.adapter.http.slot.SlotRequests.CreateSlotRequest;
import io.storescheduler.adapter.http.slot.SlotRequests.PatchSlotRequest;
import io.storescheduler.application.slot.ManageSlotsUseCase.CreateSlotCommand;
import io.storescheduler.application.slot.ManageSlotsUseCase.PatchSlotCommand;
import io.storescheduler.application.slot.ManageSlotsUseCase;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.store.Store;
import java.util.Set;

/** A store's slots: list (by start, {@code from}/{@code to}), read, create, move or annotate, delete (204). */
public record SlotRoutes(Guard guard, JsonBodies bodies, Answers answers, ManageSlotsUseCase slots) {

    private static final String SLOTS = "/api/v1/stores/{store_id}/slots";
    private static final String SLOT = SLOTS + "/{slot_id}";

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(SLOTS, guard.store(this::list));
        routes.post(SLOTS, guard.storeCreation(this::create));
        routes.get(SLOT, guard.store((ctx, store) -> answers.unlessRefused(ctx,
                slots.getSlot(store.id(), Parameters.pathId(ctx, "slot_id", SlotId::new)),
                slot -> answers.ok(ctx, SlotResponse.from(slot, store.timezone())))));
        routes.patch(SLOT, guard.store(this::patch));
        routes.delete(SLOT, guard.store(this::delete));
    }

    private void list(Context ctx, Store store) {
        var window = Parameters.window(ctx, store.timezone());
        var page = slots.listSlots(store.id(), window.from(), window.to(), Parameters.page(ctx));
        answers.ok(ctx, ListResponse.of(page, slot -> SlotResponse.from(slot, store.timezone())));
    }

    private void create(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateSlotRequest.class);
        var slot = slots.createSlot(new CreateSlotCommand(store.id(), Times.parse("start_at", request.startAt(), store.timezone()), request.note()));
        answers.created(ctx, SlotResponse.from(slot, store.timezone()));
    }

    private void patch(Context ctx, Store store) {
        var slotId = Parameters.pathId(ctx, "slot_id", SlotId::new);
        var patch = bodies.patch(ctx, PatchSlotRequest.class, Set.of("note"));
        var command = new PatchSlotCommand(store.id(), slotId,
                patch.change("start_at", PatchSlotRequest::startAt).map(startAt -> Times.parse("start_at", startAt, store.timezone())),
                patch.change("note", PatchSlotRequest::note));
        answers.unlessRefused(ctx, slots.patchSlot(command), slot -> answers.ok(ctx, SlotResponse.from(slot, store.timezone())));
    }

    private void delete(Context ctx, Store store) {
        answers.unlessRefused(ctx, slots.deleteSlot(store.id(), Parameters.pathId(ctx, "slot_id", SlotId::new)), deleted -> ctx.status(204));
    }
}

package io.storescheduler.adapter.http.availability;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.availability.FindAvailabilityUseCase.Availability;
import io.storescheduler.application.availability.FindAvailabilityUseCase.FindAvailabilityQuery;
import io.storescheduler.application.availability.FindAvailabilityUseCase;
import io.storescheduler.domain.availability.CandidateStarts;
import io.storescheduler.domain.availability.Offer;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.Store;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** {@code GET /stores/{store_id}/availability}: when and where a party can play a script. */
public record AvailabilityRoutes(Guard guard, Answers answers, FindAvailabilityUseCase availability) {

    static final Duration LONGEST_WINDOW = Duration.ofDays(14);
    static final int MAX_PARTY = 1000;

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/stores/{store_id}/availability", guard.store(this::find));
    }

    private void find(Context ctx, Store store) {
        var query = query(ctx, store);
        answers.unlessRefused(ctx, availability.find(query), found -> answers.ok(ctx, AvailabilityResponse.from(found, store.timezone())));
    }

    /** Every parameter checked before anything is read: each fault is a 400 naming it. */
    private FindAvailabilityQuery query(Context ctx, Store store) {
        var scriptId = required(ctx, "script_id", Parameters.idParam(ctx, "script_id", ScriptId::new));
        var partySize = required(ctx, "party_size", ctx.queryParam("party_size") == null ? null
                : Parameters.intParam(ctx, "party_size", 1, 1, MAX_PARTY));
        var from = required(ctx, "from", Parameters.datetimeParam(ctx, "from", store.timezone()));
        var to = required(ctx, "to", Parameters.datetimeParam(ctx, "to", store.timezone()));
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("invalid_parameter", "to", "to must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw ApiProblem.badRequest("invalid_parameter", "to", "a search covers at most 14 days from from");
        }
        var step = Parameters.intParam(ctx, "step_minutes", 30, CandidateStarts.MIN_STEP_MINUTES, CandidateStarts.MAX_STEP_MINUTES);
        return new FindAvailabilityQuery(store, scriptId, partySize, from, to, step, Parameters.idParam(ctx, "room_id", RoomId::new),
                Parameters.idParam(ctx, "dm_id", DmId::new));
    }

    private static <T> T required(Context ctx, String name, T value) {
        if (value == null) {
            throw ApiProblem.badRequest("missing_parameter", name, name + " is required");
        }
        return value;
    }

    /** The answer, its times at the store's offset for each instant. */
    record AvailabilityResponse(ScriptId scriptId, int partySize, int durationMinutes, int stepMinutes, List<Item> items,
            boolean truncated, OffsetDateTime nextFrom) {

        record Item(OffsetDateTime startAt, OffsetDateTime endAt, List<RoomId> roomIds, List<DmId> dmIds) {
            static Item from(Offer offer, ZoneId zone) {
                return new Item(Times.render(offer.startAt(), zone), Times.render(offer.endAt(), zone), offer.roomIds(), offer.dmIds());
            }
        }

        static AvailabilityResponse from(Availability found, ZoneId zone) {
            return new AvailabilityResponse(found.scriptId(), found.partySize(), found.durationMinutes(), found.stepMinutes(),
                    found.items().stream().map(offer -> Item.from(offer, zone)).toList(), found.truncated(),
                    found.nextFrom() == null ? null : Times.render(found.nextFrom(), zone));
        }
    }
}

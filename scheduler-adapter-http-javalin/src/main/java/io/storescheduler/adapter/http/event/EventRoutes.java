package io.storescheduler.adapter.http.event;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.application.event.ReadEventsUseCase;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.store.Store;
import java.time.Duration;
import java.util.List;

/**
 * The store's event feed, {@code GET /stores/{store_id}/events?after&limit&wait_seconds}: in commit
 * order; with {@code wait_seconds} an empty page is held, without a thread, until an event commits
 * or the time is up.
 */
public record EventRoutes(Guard guard, Answers answers, ReadEventsUseCase events) {

    static final String EVENTS = "/api/v1/stores/{store_id}/events";
    static final int LONGEST_WAIT_SECONDS = 30;

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(EVENTS, guard.store(this::list));
    }

    private void list(Context ctx, Store store) {
        var after = EventCursor.parse(ctx.queryParam("after"));
        var limit = Parameters.intParam(ctx, "limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        var waitSeconds = Parameters.intParam(ctx, "wait_seconds", 0, 1, LONGEST_WAIT_SECONDS);
        if (waitSeconds == 0) {
            answers.ok(ctx, EventResponse.Page.from(events.read(store.id(), after, limit), store.timezone()));
            return;
        }
        var waiting = events.readOrWait(store.id(), after, limit, Duration.ofSeconds(waitSeconds))
                .orElseThrow(() -> new ApiProblem(503, "too_many_waiters",
                        "this store has as many readers waiting for events as it may; read again without wait_seconds or later", List.of()));
        ctx.future(() -> waiting.thenAccept(page -> answers.ok(ctx, EventResponse.Page.from(page, store.timezone()))));
    }
}

package io.storescheduler.adapter.http.calendar;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.adapter.http.shared.RateLimited;
import io.storescheduler.application.calendar.CalendarOwner;
import io.storescheduler.application.calendar.ReadCalendarFeedUseCase;
import io.storescheduler.application.calendar.RotateCalendarKeyUseCase;
import io.storescheduler.application.limits.RateLimiter;
import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * The calendar feeds of rooms and DMs, and the routes that make their keys. A feed is read with the
 * key in its URL alone (calendar apps send no bearer token): a store, an owner or a key that is not
 * right all answer the same 404. Every feed request first takes from its calendar's bucket, and a
 * wrong key from its address's bucket of failures, so no caller can make a calendar, or the
 * database, busy by asking often. The buckets live in this instance's memory: behind N instances a
 * calendar may be asked N times as often.
 */
public final class CalendarRoutes {

    /** Calendar apps poll every few minutes at most: a burst of 30, then one a second. */
    public static final RatePolicy PER_CALENDAR = new RatePolicy("calendar", 1, 30);
    /** Wrong keys from one address: a burst of 30, then one a second. */
    public static final RatePolicy KEY_FAILURES = new RatePolicy("calendar_key_failures", 1, 30);

    private static final String STORE = "/api/v1/stores/{store_id}";

    /** The calendar use cases these routes call: making a calendar's key, and reading its feed. */
    public record UseCases(RotateCalendarKeyUseCase keys, ReadCalendarFeedUseCase feeds) {}
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Guard guard;
    private final Answers answers;
    private final RotateCalendarKeyUseCase keys;
    private final ReadCalendarFeedUseCase feeds;
    private final RateLimiter perCalendar;
    private final RateLimiter keyFailures;
    private final IcsCalendars ics = new IcsCalendars();

    public CalendarRoutes(Guard guard, Answers answers, UseCases useCases, RateLimiter perCalendar, RateLimiter keyFailures) {
        this.guard = guard;
        this.answers = answers;
        this.keys = useCases.keys();
        this.feeds = useCases.feeds();
        this.perCalendar = perCalendar;
        this.keyFailures = keyFailures;
    }

    /** A key made for a calendar, shown this once, inside the URL a calendar app subscribes to. */
    record CalendarKeyResponse(String calendarUrl) {}

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(STORE + "/rooms/{room_id}/calendar-key", guard.store((ctx, store) -> rotate(ctx, store, "room_id", CalendarRoutes::room)));
        routes.post(STORE + "/dms/{dm_id}/calendar-key", guard.store((ctx, store) -> rotate(ctx, store, "dm_id", CalendarRoutes::dm)));
        routes.get(STORE + "/calendars/rooms/{room_id}.ics", ctx -> feed(ctx, "room_id", CalendarRoutes::room));
        routes.get(STORE + "/calendars/dms/{dm_id}.ics", ctx -> feed(ctx, "dm_id", CalendarRoutes::dm));
    }

    private void rotate(Context ctx, Store store, String idName, LongFunction<CalendarOwner> owner) {
        var calendar = owner.apply(Parameters.pathId(ctx, idName));
        answers.unlessRefused(ctx, keys.rotateKey(store.id(), calendar),
                key -> answers.ok(ctx, new CalendarKeyResponse(origin(ctx) + feedPath(store.id(), calendar) + "?key=" + key)));
    }

    private void feed(Context ctx, String idName, LongFunction<CalendarOwner> owner) {
        var rawStoreId = positiveId(ctx.pathParam("store_id"));
        var ownerId = positiveId(ctx.pathParam(idName));
        var key = ctx.queryParam("key");
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest("invalid_parameter", "key", "key must be the 43 characters of a calendar key (letters, digits, - and _)");
        }
        if (rawStoreId <= 0 || ownerId <= 0) {
            throw notFound();
        }
        var storeId = new StoreId(rawStoreId);
        var calendar = owner.apply(ownerId);
        admit(perCalendar, storeId + "/" + feedPath(storeId, calendar), "too many requests for this calendar");
        var address = ctx.ip();
        if (!keyFailures.hasRoom(address)) {
            admit(keyFailures, address, "too many wrong calendar keys from this address");
        }
        var feed = feeds.readFeed(storeId, calendar, key).orElseThrow(() -> {
            keyFailures.take(address);
            return notFound();
        });
        ctx.contentType(IcsCalendars.CONTENT_TYPE).result(ics.write(feed));
    }

    private static void admit(RateLimiter limiter, String bucket, String what) {
        var decision = limiter.take(bucket);
        if (!decision.allowed()) {
            var policy = limiter.policy();
            throw new RateLimited(policy, decision, what + ": " + policy.perSecond() + " a second, bursts of " + policy.burst()
                    + "; retry in " + decision.secondsToRetry() + " s");
        }
    }

    static String feedPath(StoreId storeId, CalendarOwner owner) {
        return "/api/v1/stores/" + storeId + "/calendars/" + owner.kind().label() + "s/" + owner.id() + ".ics";
    }

    private static CalendarOwner room(long id) {
        return CalendarOwner.room(new RoomId(id));
    }

    private static CalendarOwner dm(long id) {
        return CalendarOwner.dm(new DmId(id));
    }

    /** Where the caller reached this server, as the calendar app will. */
    private static String origin(Context ctx) {
        var host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    private static long positiveId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ApiProblem notFound() {
        return new ApiProblem(404, "calendar_not_found", "no such calendar, or its key is not the current one", List.of());
    }
}

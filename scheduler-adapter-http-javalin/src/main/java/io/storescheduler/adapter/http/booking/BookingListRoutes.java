package io.storescheduler.adapter.http.booking;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.booking.ListBookingsUseCase.ListBookingsQuery;
import io.storescheduler.application.booking.ListBookingsUseCase;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.store.Store;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /bookings}: the store's bookings by start then id, filtered by {@code status} (repeated
 * or comma-separated), {@code from}/{@code to} on the start, {@code room_id}, {@code slot_id} and
 * {@code client_id}; each booking as every other answer shows it, conflicts included.
 */
public record BookingListRoutes(Guard guard, Answers answers, ListBookingsUseCase listBookings) {

    private static final String STATUS_CODES = Arrays.stream(BookingStatus.values())
            .map(BookingStatus::code).collect(Collectors.joining(", "));

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/stores/{store_id}/bookings", guard.store(this::list));
    }

    private void list(Context ctx, Store store) {
        var window = Parameters.window(ctx, store.timezone());
        var filter = new BookingFilter(statuses(ctx), window.from(), window.to(),
                Parameters.idParam(ctx, "room_id", RoomId::new), Parameters.idParam(ctx, "slot_id", SlotId::new),
                Parameters.idParam(ctx, "client_id", ClientId::new));
        var page = listBookings.list(new ListBookingsQuery(store.id(), filter, Parameters.page(ctx)));
        answers.ok(ctx, ListResponse.of(page, view -> BookingResponse.from(view, store.timezone())));
    }

    private static Set<BookingStatus> statuses(Context ctx) {
        var statuses = EnumSet.noneOf(BookingStatus.class);
        for (var value : ctx.queryParams("status")) {
            for (var code : value.split(",", -1)) {
                statuses.add(BookingStatus.fromCode(code.trim()).orElseThrow(() -> ApiProblem.badRequest("invalid_parameter", "status",
                        "status must be one or more of " + STATUS_CODES + ", not '" + code.trim() + "'")));
            }
        }
        return statuses;
    }
}

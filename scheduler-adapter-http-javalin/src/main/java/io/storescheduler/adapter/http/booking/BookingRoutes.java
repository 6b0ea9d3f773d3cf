package io.storescheduler.adapter.http.booking;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.booking.BookingRequests.AddClientMatchRequest;
import io.storescheduler.adapter.http.booking.BookingRequests.AddClientRequest;
import io.storescheduler.adapter.http.booking.BookingRequests.AddDmMatchRequest;
import io.storescheduler.adapter.http.booking.BookingRequests.CreateIncompleteBookingRequest;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.Ids;
import io.storescheduler.adapter.http.shared.IfMatch;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.booking.AddBookingClientUseCase.AddBookingClientCommand;
import io.storescheduler.application.booking.AddBookingClientUseCase;
import io.storescheduler.application.booking.AddCharacterClientMatchUseCase.AddCharacterClientMatchCommand;
import io.storescheduler.application.booking.AddCharacterClientMatchUseCase;
import io.storescheduler.application.booking.AddCharacterDmMatchUseCase.AddCharacterDmMatchCommand;
import io.storescheduler.application.booking.AddCharacterDmMatchUseCase;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.CancelBookingUseCase.CancelBookingCommand;
import io.storescheduler.application.booking.CancelBookingUseCase;
import io.storescheduler.application.booking.CompleteBookingUseCase.CompleteBookingCommand;
import io.storescheduler.application.booking.CompleteBookingUseCase;
import io.storescheduler.application.booking.ConfirmBookingUseCase.ConfirmBookingCommand;
import io.storescheduler.application.booking.ConfirmBookingUseCase;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase.CreateIncompleteBookingCommand;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase;
import io.storescheduler.application.booking.GetBookingUseCase;
import io.storescheduler.application.booking.ListBookingConflictsUseCase.ListBookingConflictsQuery;
import io.storescheduler.application.booking.ListBookingConflictsUseCase;
import io.storescheduler.application.booking.PatchBookingUseCase;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.Store;

/**
 * The booking flow: create, read, change, fill the party, match characters, confirm, cancel,
 * complete; and the whole list of a booking's conflicts, a page at a time.
 */
public record BookingRoutes(Guard guard, JsonBodies bodies, Answers answers, UseCases useCases) {

    private static final String BOOKINGS = "/api/v1/stores/{store_id}/bookings";
    private static final String BOOKING = BOOKINGS + "/{booking_id}";

    /** The booking use cases these routes call. */
    public record UseCases(
            CreateIncompleteBookingUseCase create,
            GetBookingUseCase get,
            PatchBookingUseCase patch,
            AddBookingClientUseCase addClient,
            AddCharacterClientMatchUseCase addClientMatch,
            AddCharacterDmMatchUseCase addDmMatch,
            ConfirmBookingUseCase confirm,
            CancelBookingUseCase cancel,
            CompleteBookingUseCase complete,
            ListBookingConflictsUseCase conflicts) {}

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(BOOKINGS + "/incomplete", guard.storeCreation(this::create));
        routes.get(BOOKING, guard.store(this::get));
        routes.patch(BOOKING, guard.store(this::patch));
        routes.get(BOOKING + "/conflicts", guard.store(this::conflicts));
        routes.post(BOOKING + "/clients", guard.storeCreation(this::addClient));
        routes.post(BOOKING + "/character-client-matches", guard.storeCreation(this::addClientMatch));
        routes.post(BOOKING + "/character-dm-matches", guard.storeCreation(this::addDmMatch));
        routes.post(BOOKING + "/confirm", guard.store(this::confirm));
        routes.post(BOOKING + "/cancel", guard.store(this::cancel));
        routes.post(BOOKING + "/complete", guard.store(this::complete));
    }

    private void create(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateIncompleteBookingRequest.class);
        var command = new CreateIncompleteBookingCommand(store.id(), Times.parse("start_at", request.startAt(), store.timezone()),
                Ids.orNull(request.scriptId(), ScriptId::new), Ids.orNull(request.roomId(), RoomId::new), request.note());
        answer(ctx, 201, store, useCases.create().create(command));
    }

    private void get(Context ctx, Store store) {
        answer(ctx, 200, store, useCases.get().get(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new)));
    }

    private void conflicts(Context ctx, Store store) {
        var query = new ListBookingConflictsQuery(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new), Parameters.page(ctx));
        answers.unlessRefused(ctx, useCases.conflicts().list(query),
                page -> answers.ok(ctx, ListResponse.of(page, conflict -> ConflictingBookingResponse.from(conflict, store.timezone()))));
    }

    private void patch(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var version = IfMatch.version(ctx);
        var body = bodies.patch(ctx, PatchBookingBody.Request.class, PatchBookingBody.CLEARABLE);
        answer(ctx, 200, store, useCases.patch().patch(PatchBookingBody.toCommand(store, bookingId, version, body)));
    }

    private void addClient(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var version = IfMatch.version(ctx);
        var request = bodies.body(ctx, AddClientRequest.class);
        answer(ctx, 201, store, useCases.addClient().addClient(
                new AddBookingClientCommand(store.id(), bookingId, version, new ClientId(request.clientId()))));
    }

    private void addClientMatch(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var version = IfMatch.version(ctx);
        var request = bodies.body(ctx, AddClientMatchRequest.class);
        answer(ctx, 201, store, useCases.addClientMatch().addClientMatch(
                new AddCharacterClientMatchCommand(store.id(), bookingId, version, new CharacterId(request.characterId()),
                        new ClientId(request.clientId()))));
    }

    private void addDmMatch(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var version = IfMatch.version(ctx);
        var request = bodies.body(ctx, AddDmMatchRequest.class);
        answer(ctx, 201, store, useCases.addDmMatch().addDmMatch(
                new AddCharacterDmMatchCommand(store.id(), bookingId, version, Ids.orNull(request.characterId(), CharacterId::new),
                        new DmId(request.dmId()))));
    }

    private void confirm(Context ctx, Store store) {
        var command = new ConfirmBookingCommand(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new), IfMatch.version(ctx));
        answer(ctx, 200, store, useCases.confirm().confirm(command));
    }

    private void cancel(Context ctx, Store store) {
        var command = new CancelBookingCommand(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new), IfMatch.version(ctx));
        answer(ctx, 200, store, useCases.cancel().cancel(command));
    }

    private void complete(Context ctx, Store store) {
        var command = new CompleteBookingCommand(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new), IfMatch.version(ctx));
        answer(ctx, 200, store, useCases.complete().complete(command));
    }

    private void answer(Context ctx, int status, Store store, Outcome<BookingView> outcome) {
        new BookingAnswers(answers).write(ctx, status, store, outcome);
    }
}

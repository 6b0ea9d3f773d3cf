package io.storescheduler.adapter.http.booking;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.booking.BookingRequests.PatchClientMatchRequest;
import io.storescheduler.adapter.http.booking.BookingRequests.PatchDmMatchRequest;
import io.storescheduler.adapter.http.booking.BookingResponse.ClientMatchResponse;
import io.storescheduler.adapter.http.booking.BookingResponse.DmMatchResponse;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.IfMatch;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.ListCharacterMatchesUseCase;
import io.storescheduler.application.booking.PatchCharacterClientMatchUseCase.PatchCharacterClientMatchCommand;
import io.storescheduler.application.booking.PatchCharacterClientMatchUseCase;
import io.storescheduler.application.booking.PatchCharacterDmMatchUseCase.PatchCharacterDmMatchCommand;
import io.storescheduler.application.booking.PatchCharacterDmMatchUseCase;
import io.storescheduler.application.booking.RemoveBookingClientUseCase.RemoveBookingClientCommand;
import io.storescheduler.application.booking.RemoveBookingClientUseCase;
import io.storescheduler.application.booking.RemoveCharacterClientMatchUseCase.RemoveCharacterClientMatchCommand;
import io.storescheduler.application.booking.RemoveCharacterClientMatchUseCase;
import io.storescheduler.application.booking.RemoveCharacterDmMatchUseCase.RemoveCharacterDmMatchCommand;
import io.storescheduler.application.booking.RemoveCharacterDmMatchUseCase;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.store.Store;
import java.util.Set;

/**
 * A booking's party and who plays whom, beyond adding: a client leaves the party, and the matches
 * of both kinds are listed, changed and deleted. Every change answers 200 with the whole booking
 * and its new {@code ETag}, deletes included: as with adding (201 with the booking), the caller sees
 * the version to send next and the conflicts the change left. Every change honours {@code If-Match}.
 */
public record PartyRoutes(Guard guard, JsonBodies bodies, Answers answers, UseCases useCases) {

    private static final String BOOKING = "/api/v1/stores/{store_id}/bookings/{booking_id}";
    private static final String CLIENT_MATCHES = BOOKING + "/character-client-matches";
    private static final String DM_MATCHES = BOOKING + "/character-dm-matches";

    /** The use cases these routes call. */
    public record UseCases(
            RemoveBookingClientUseCase removeClient,
            ListCharacterMatchesUseCase listMatches,
            PatchCharacterClientMatchUseCase patchClientMatch,
            RemoveCharacterClientMatchUseCase removeClientMatch,
            PatchCharacterDmMatchUseCase patchDmMatch,
            RemoveCharacterDmMatchUseCase removeDmMatch) {}

    public void register(JavalinDefaultRoutingApi routes) {
        routes.delete(BOOKING + "/clients/{client_id}", guard.store(this::removeClient));
        routes.get(CLIENT_MATCHES, guard.store(this::listClientMatches));
        routes.patch(CLIENT_MATCHES + "/{match_id}", guard.store(this::patchClientMatch));
        routes.delete(CLIENT_MATCHES + "/{match_id}", guard.store(this::removeClientMatch));
        routes.get(DM_MATCHES, guard.store(this::listDmMatches));
        routes.patch(DM_MATCHES + "/{match_id}", guard.store(this::patchDmMatch));
        routes.delete(DM_MATCHES + "/{match_id}", guard.store(this::removeDmMatch));
    }

    private void removeClient(Context ctx, Store store) {
        var command = new RemoveBookingClientCommand(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new), IfMatch.version(ctx),
                Parameters.pathId(ctx, "client_id", ClientId::new));
        answer(ctx, store, useCases.removeClient().removeClient(command));
    }

    private void listClientMatches(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var page = useCases.listMatches().listClientMatches(store.id(), bookingId, Parameters.page(ctx));
        answers.unlessRefused(ctx, page, matches -> answers.ok(ctx, ListResponse.of(matches, ClientMatchResponse::from)));
    }

    private void patchClientMatch(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var matchId = Parameters.pathId(ctx, "match_id", MatchId::new);
        var version = IfMatch.version(ctx);
        var patch = bodies.patch(ctx, PatchClientMatchRequest.class, Set.of());
        var command = new PatchCharacterClientMatchCommand(store.id(), bookingId, version, matchId,
                patch.change("character_id", PatchClientMatchRequest::characterId).map(CharacterId::new),
                patch.change("client_id", PatchClientMatchRequest::clientId).map(ClientId::new));
        answer(ctx, store, useCases.patchClientMatch().patchClientMatch(command));
    }

    private void removeClientMatch(Context ctx, Store store) {
        var command = new RemoveCharacterClientMatchCommand(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new),
                IfMatch.version(ctx), Parameters.pathId(ctx, "match_id", MatchId::new));
        answer(ctx, store, useCases.removeClientMatch().removeClientMatch(command));
    }

    private void listDmMatches(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var page = useCases.listMatches().listDmMatches(store.id(), bookingId, Parameters.page(ctx));
        answers.unlessRefused(ctx, page, matches -> answers.ok(ctx, ListResponse.of(matches, DmMatchResponse::from)));
    }

    private void patchDmMatch(Context ctx, Store store) {
        var bookingId = Parameters.pathId(ctx, "booking_id", BookingId::new);
        var matchId = Parameters.pathId(ctx, "match_id", MatchId::new);
        var version = IfMatch.version(ctx);
        var patch = bodies.patch(ctx, PatchDmMatchRequest.class, Set.of("character_id"));
        var command = new PatchCharacterDmMatchCommand(store.id(), bookingId, version, matchId,
                patch.change("character_id", PatchDmMatchRequest::characterId).map(CharacterId::new),
                patch.change("dm_id", PatchDmMatchRequest::dmId).map(DmId::new));
        answer(ctx, store, useCases.patchDmMatch().patchDmMatch(command));
    }

    private void removeDmMatch(Context ctx, Store store) {
        var command = new RemoveCharacterDmMatchCommand(store.id(), Parameters.pathId(ctx, "booking_id", BookingId::new),
                IfMatch.version(ctx), Parameters.pathId(ctx, "match_id", MatchId::new));
        answer(ctx, store, useCases.removeDmMatch().removeDmMatch(command));
    }

    private void answer(Context ctx, Store store, Outcome<BookingView> outcome) {
        new BookingAnswers(answers).write(ctx, 200, store, outcome);
    }
}

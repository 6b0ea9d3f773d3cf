package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.MatchId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the client and the DM matches of a booking share when one is changed or removed: the
 * statuses that may change them, and a match id naming one of the booking's own. They differ in
 * those statuses, in how a refusal names them, and in the list they live in.
 */
record MatchKind<M>(Predicate<BookingStatus> canChange, String what, String resource,
        Function<Booking, List<M>> matches, Function<M, MatchId> id) {

    static final MatchKind<CharacterClientMatch> CLIENT = new MatchKind<>(BookingLifecycle::canChangeClientMatches,
            "the character matches", "character_client_match", Booking::clientMatches, CharacterClientMatch::id);
    static final MatchKind<CharacterDmMatch> DM = new MatchKind<>(BookingLifecycle::canChangeDmMatches,
            "the DM matches", "character_dm_match", Booking::dmMatches, CharacterDmMatch::id);

    Outcome<Booking> editable(Booking booking) {
        return Outcome.done(booking).ensure(editable -> canChange.test(editable.status()), refused -> BookingViews.notEditable(refused, what));
    }

    /** The booking's match {@code matchId}; a match of another booking, or of none, is not found. */
    Outcome<M> match(Booking booking, MatchId matchId) {
        return Outcome.of(matches.apply(booking).stream().filter(match -> id.apply(match).equals(matchId)).findFirst(),
                () -> Refusal.notFound(resource, matchId));
    }

    /** The booking's match {@code matchId}, if the booking's status lets its matches change. */
    Outcome<M> changeable(Booking booking, MatchId matchId) {
        return match(booking, matchId).flatMap(match -> editable(booking).map(open -> match));
    }

    /** Removes the booking's match {@code matchId} through {@code remove}, if the booking's status lets it. */
    Outcome<Booking> remove(Booking booking, MatchId matchId, Consumer<MatchId> remove) {
        return changeable(booking, matchId).map(match -> {
            remove.accept(id.apply(match));
            return booking;
        });
    }
}

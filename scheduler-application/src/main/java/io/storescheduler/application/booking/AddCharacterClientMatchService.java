package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.CharacterClientMatch;
import java.time.Clock;

/** Matches a party client to a non-DM character of the booking's script. */
public final class AddCharacterClientMatchService implements AddCharacterClientMatchUseCase {

    private final BookingRepository bookings;
    private final BookingReferences references;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;

    public AddCharacterClientMatchService(BookingRepository bookings, CatalogueRepository catalogue,
            ConflictFinder conflicts, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.references = new BookingReferences(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView addClientMatch(AddCharacterClientMatchCommand command) {
        return transactions.inTransaction(() -> {
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            checkMatchable(booking, command);
            bookings.addClientMatch(command.storeId(), command.bookingId(), command.characterId(), command.clientId());
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }

    private void checkMatchable(Booking booking, AddCharacterClientMatchCommand command) {
        if (!BookingLifecycle.canChangeClientMatches(booking.status())) {
            throw BookingViews.notEditable(booking, "the character matches");
        }
        if (booking.scriptId() == null) {
            throw UseCaseFailure.conflict("script_missing", "set the booking's script before matching characters");
        }
        var script = references.script(booking.storeId(), booking.scriptId());
        if (!script.nonDmCharacterIds().contains(command.characterId())) {
            throw UseCaseFailure.invalid("character_not_playable", "character_id",
                    "character " + command.characterId() + " is not a non-DM character of script " + script.id());
        }
        if (!booking.partyClientIds().contains(command.clientId())) {
            throw UseCaseFailure.invalid("client_not_in_party", "client_id",
                    "client " + command.clientId() + " is not in this booking's party");
        }
        for (CharacterClientMatch match : booking.clientMatches()) {
            if (match.characterId() == command.characterId()) {
                throw UseCaseFailure.conflict("character_already_matched", "character " + command.characterId() + " is played by client " + match.clientId());
            }
            if (match.clientId() == command.clientId()) {
                throw UseCaseFailure.conflict("client_already_matched", "client " + command.clientId() + " plays character " + match.characterId());
            }
        }
    }
}

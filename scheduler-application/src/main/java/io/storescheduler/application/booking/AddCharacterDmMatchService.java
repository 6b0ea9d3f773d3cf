package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.CharacterDmMatch;
import java.time.Clock;

/** Matches a DM to a DM character of the booking's script, or adds a free DM. */
public final class AddCharacterDmMatchService implements AddCharacterDmMatchUseCase {

    private final BookingRepository bookings;
    private final BookingReferences references;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;

    public AddCharacterDmMatchService(BookingRepository bookings, CatalogueRepository catalogue, ConflictFinder conflicts,
            StoreScheduleLock scheduleLock, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.references = new BookingReferences(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.scheduleLock = scheduleLock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView addDmMatch(AddCharacterDmMatchCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            checkMatchable(booking, command);
            bookings.addDmMatch(command.storeId(), command.bookingId(), command.characterId(), command.dmId());
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }

    private void checkMatchable(Booking booking, AddCharacterDmMatchCommand command) {
        if (!BookingLifecycle.canChangeDmMatches(booking.status())) {
            throw BookingViews.notEditable(booking, "the DM matches");
        }
        references.activeDm(booking.storeId(), command.dmId());
        if (command.characterId() != null) {
            checkDmCharacter(booking, command.characterId());
        }
        for (CharacterDmMatch match : booking.dmMatches()) {
            if (command.characterId() != null && command.characterId().equals(match.characterId())) {
                throw UseCaseFailure.conflict("character_already_matched", "character " + command.characterId() + " is played by dm " + match.dmId());
            }
            if (command.characterId() == null && match.isFreeDm() && match.dmId() == command.dmId()) {
                throw UseCaseFailure.conflict("dm_already_matched", "dm " + command.dmId() + " is a free DM of this booking already");
            }
        }
    }

    private void checkDmCharacter(Booking booking, long characterId) {
        if (booking.scriptId() == null) {
            throw UseCaseFailure.conflict("script_missing", "set the booking's script before matching DM characters");
        }
        var script = references.script(booking.storeId(), booking.scriptId());
        if (!script.dmCharacterIds().contains(characterId)) {
            throw UseCaseFailure.invalid("character_not_dm", "character_id",
                    "character " + characterId + " is not a DM character of script " + script.id());
        }
    }
}

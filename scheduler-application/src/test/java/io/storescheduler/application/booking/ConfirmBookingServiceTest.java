package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static io.storescheduler.application.booking.BookingScenario.NOW;
import static io.storescheduler.application.booking.BookingScenario.SIX_PM;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.booking.ConfirmBookingUseCase.ConfirmBookingCommand;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase.CreateIncompleteBookingCommand;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConfirmViolation;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.id.BookingId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfirmBookingServiceTest {

    private final BookingScenario scenario = new BookingScenario();
    private final ConfirmBookingService confirm = scenario.services().confirm();

    @Test
    void confirm_schedules_a_complete_booking_into_the_room_without_conflict() {
        var holdsTheHall = scenario.scheduled(TWO_PM, scenario.hall.id());
        var id = scenario.ready(TWO_PM, scenario.hall.id());

        var scheduled = done(confirm(id));

        assertEquals(BookingStatus.SCHEDULED, scheduled.booking().status());
        assertEquals(scenario.den.id(), scheduled.booking().roomId(), "the preferred hall is taken, the den is free");
        assertEquals(ConflictReport.none(), scheduled.conflicts());
        assertEquals(scenario.booking(holdsTheHall).slotId(), scheduled.booking().slotId(), "one slot per start");
        assertEquals(scheduled.booking(), scenario.booking(id), "the answer is the booking as stored");
    }

    @Test
    void confirm_takes_the_preferred_room_when_it_is_free() {
        var id = scenario.ready(TWO_PM, scenario.hall.id());

        var scheduled = done(confirm(id));

        assertEquals(scenario.hall.id(), scheduled.booking().roomId());
        assertEquals(Optional.of(scheduled.booking().slotId()), scenario.fakes.slots().slotAt(STORE, TWO_PM));
    }

    @Test
    void confirm_puts_a_booking_into_overlap_only_when_every_room_is_taken_and_both_sides_see_it() {
        var inTheDen = scenario.scheduled(TWO_PM, scenario.den.id());
        var inTheHall = scenario.scheduled(TWO_PM, scenario.hall.id());
        var id = scenario.ready(TWO_PM.plus(Duration.ofHours(1)), null);

        var scheduled = done(confirm(id));

        assertEquals(scenario.den.id(), scheduled.booking().roomId(), "equally busy rooms: the smaller one");
        assertEquals(List.of(inTheDen), scheduled.conflicts().bookingIds());
        var other = done(scenario.services().get().get(STORE, inTheDen));
        assertEquals(List.of(id), other.conflicts().bookingIds(), "if A lists B, B lists A");
        assertEquals(ConflictReport.none(), done(scenario.services().get().get(STORE, inTheHall)).conflicts());
    }

    @Test
    void a_booking_ending_when_another_starts_does_not_overlap_it() {
        scenario.scheduled(TWO_PM, scenario.den.id());
        var id = scenario.ready(SIX_PM, scenario.den.id());

        var scheduled = done(confirm(id));

        assertEquals(scenario.den.id(), scheduled.booking().roomId());
        assertEquals(ConflictReport.none(), scheduled.conflicts());
    }

    @Test
    void confirm_rejects_a_booking_whose_client_has_no_character_and_lists_every_violation() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());
        scenario.join(id, scenario.wang.id());
        scenario.match(id, scenario.detective, scenario.li.id());
        var before = scenario.fakes.state();

        var refused = refused(confirm(id));

        assertEquals(ConfirmViolations.refusal(List.of(new ConfirmViolation.CharacterUnmatched(List.of(scenario.maid)),
                new ConfirmViolation.ClientUnmatched(List.of(scenario.wang.id())))), refused);
        assertEquals(before, scenario.fakes.state(), "a refused confirm takes no slot and changes no booking");
    }

    @Test
    void confirm_of_an_empty_booking_in_a_store_without_rooms_lists_script_party_and_room() {
        var id = done(scenario.services().create()
                .create(new CreateIncompleteBookingCommand(BookingScenario.OTHER_STORE, TWO_PM, null, null, null))).booking().id();

        var refused = refused(
                confirm.confirm(new ConfirmBookingCommand(BookingScenario.OTHER_STORE, id, OptionalLong.empty())));

        assertEquals(ConfirmViolations.refusal(List.of(new ConfirmViolation.ScriptMissing(), new ConfirmViolation.NoClients(),
                new ConfirmViolation.NoRoomAvailable())), refused);
    }

    @Test
    void confirm_finds_no_room_when_the_party_outgrows_every_room() {
        var id = scenario.ready(TWO_PM, null);
        var big = scenario.fakes.catalogue();
        for (int i = 0; i < 5; i++) {
            scenario.join(id, big.insertClient(STORE, "Guest " + i, null).id());
        }

        var refused = refused(confirm(id));

        var violations = (List<?>) refused.details().get("violations");
        assertTrue(violations.containsAll(ConfirmViolations.details(List.of(new ConfirmViolation.NoRoomAvailable()))), violations::toString);
    }

    @Test
    void confirm_of_a_scheduled_booking_is_refused_as_not_incomplete() {
        var id = scenario.scheduled(TWO_PM, null);
        var before = scenario.fakes.state();

        var refused = refused(confirm(id));

        assertEquals(ConfirmViolations.refusal(List.of(new ConfirmViolation.StatusNotIncomplete(BookingStatus.SCHEDULED))), refused);
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void confirm_takes_the_store_schedule_lock_before_reading_the_booking() {
        var id = scenario.ready(TWO_PM, null);
        scenario.fakes.events().clear();

        confirm(id);

        assertEquals(List.of("begin", "lock store 1", "find booking " + id + " for update"),
                scenario.fakes.events().events().subList(0, 3));
        assertEquals("commit", scenario.fakes.events().events().getLast());
    }

    @Test
    void a_stale_expected_version_is_refused_and_changes_nothing() {
        var id = scenario.ready(TWO_PM, null);
        var version = scenario.booking(id).version();
        var before = scenario.fakes.state();

        var failure = refused(confirm.confirm(new ConfirmBookingCommand(STORE, id, OptionalLong.of(version - 1))));

        assertEquals(Refusal.Kind.STALE, failure.kind());
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void confirm_at_the_current_version_bumps_it_once_and_stamps_the_clock() {
        var id = scenario.ready(TWO_PM, null);
        var version = scenario.booking(id).version();

        confirm.confirm(new ConfirmBookingCommand(STORE, id, OptionalLong.of(version)));

        assertEquals(version + 1, scenario.booking(id).version());
        assertEquals(NOW, scenario.booking(id).updatedAt());
    }

    @Test
    void a_confirm_that_fails_after_writing_leaves_no_slot_and_no_schedule_behind() {
        var id = scenario.ready(TWO_PM, null);
        var before = scenario.fakes.state();
        scenario.fakes.conflicts().becomeUnavailable();

        var failure = assertThrows(UseCaseFailure.class, () -> confirm(id));

        assertEquals(UseCaseFailure.Kind.UNAVAILABLE, failure.kind());
        assertEquals(before, scenario.fakes.state());
        assertEquals(Optional.empty(), scenario.fakes.slots().slotAt(STORE, TWO_PM));
    }

    @Test
    void confirm_of_a_booking_of_another_store_is_not_found() {
        var id = scenario.ready(TWO_PM, null);

        var failure = refused(confirm.confirm(new ConfirmBookingCommand(BookingScenario.OTHER_STORE, id, OptionalLong.empty())));

        assertEquals(Refusal.Kind.NOT_FOUND, failure.kind());
        assertEquals(BookingStatus.INCOMPLETE, scenario.booking(id).status());
    }

    private Outcome<BookingView> confirm(BookingId bookingId) {
        return confirm.confirm(new ConfirmBookingCommand(STORE, bookingId, OptionalLong.empty()));
    }
}

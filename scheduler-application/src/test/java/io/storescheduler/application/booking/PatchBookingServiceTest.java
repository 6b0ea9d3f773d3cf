package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static io.storescheduler.application.booking.BookingScenario.NOW;
import static io.storescheduler.application.booking.BookingScenario.SIX_PM;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.booking.CancelBookingUseCase.CancelBookingCommand;
import io.storescheduler.application.booking.PatchBookingUseCase.PatchBookingCommand;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PatchBookingServiceTest {

    private final BookingScenario scenario = new BookingScenario();
    private final PatchBookingService patch = scenario.services().patch();

    @Test
    void patching_the_script_drops_the_character_matches() {
        var id = scenario.ready(TWO_PM, null);
        scenario.dm(id, scenario.conductor, scenario.chen.id());
        var freeDm = scenario.dm(id, null, scenario.sun.id());

        var patched = patch(id, keep(), FieldChange.setTo(scenario.teaParty.id()), keep(), keep()).booking();

        assertEquals(scenario.teaParty.id(), patched.scriptId());
        assertEquals(TWO_PM.plus(Duration.ofMinutes(90)), patched.endAt(), "the end follows the new script");
        assertEquals(List.of(), patched.clientMatches());
        assertEquals(List.of(new CharacterDmMatch(freeDm, null, scenario.sun.id())), patched.dmMatches(), "free DMs stay");
        assertEquals(List.of(scenario.li.id(), scenario.wang.id()), patched.clientIds(), "the party stays");
    }

    @Test
    void patching_only_the_note_keeps_the_matches_and_bumps_the_version_once() {
        var id = scenario.ready(TWO_PM, null);
        var before = scenario.booking(id);

        var patched = patch(id, keep(), keep(), keep(), FieldChange.setTo("birthday table")).booking();

        assertEquals("birthday table", patched.note());
        assertEquals(before.clientMatches(), patched.clientMatches());
        assertEquals(before.version() + 1, patched.version());
        assertEquals(NOW, patched.updatedAt());
    }

    @Test
    void patching_the_script_of_a_scheduled_booking_is_refused() {
        var id = scenario.scheduled(TWO_PM, null);

        var failure = assertRefusedWithoutChange(() -> attempt(id, keep(), FieldChange.setTo(scenario.teaParty.id()), keep(), keep()));

        assertEquals("booking_not_editable", failure.code());
    }

    @Test
    void a_cancelled_booking_refuses_every_change() {
        var id = scenario.ready(TWO_PM, null);
        done(scenario.services().cancel().cancel(new CancelBookingCommand(STORE, id, OptionalLong.empty())));

        assertEquals("booking_not_editable", assertRefusedWithoutChange(() -> attempt(id, keep(), keep(), keep(), FieldChange.setTo("x"))).code());
        assertEquals("booking_not_editable", assertRefusedWithoutChange(() -> attempt(id, FieldChange.setTo(SIX_PM), keep(), keep(), keep())).code());
    }

    @Test
    void moving_a_scheduled_booking_takes_the_slot_of_its_new_start_and_recomputes_its_conflicts() {
        var atSix = scenario.scheduled(SIX_PM, scenario.den.id());
        var id = scenario.scheduled(TWO_PM, scenario.den.id());
        var oldSlot = scenario.booking(id).slotId();
        var fourPm = TWO_PM.plus(Duration.ofHours(2));

        var moved = patch(id, FieldChange.setTo(fourPm), keep(), keep(), keep());

        assertEquals(scenario.fakes.slots().slotAt(STORE, fourPm), Optional.of(moved.booking().slotId()));
        assertNotEquals(oldSlot, moved.booking().slotId());
        assertEquals(fourPm.plus(Duration.ofHours(4)), moved.booking().endAt());
        assertEquals(List.of(atSix), moved.conflicts().bookingIds(), "now it runs into the six o'clock game in the den");
    }

    @Test
    void moving_an_incomplete_booking_takes_no_slot() {
        var id = scenario.ready(TWO_PM, null);

        var moved = patch(id, FieldChange.setTo(SIX_PM), keep(), keep(), keep()).booking();

        assertEquals(SIX_PM, moved.startAt());
        assertEquals(null, moved.slotId());
        assertEquals(Optional.empty(), scenario.fakes.slots().slotAt(STORE, SIX_PM));
    }

    @Test
    void a_scheduled_booking_keeps_a_room() {
        var id = scenario.scheduled(TWO_PM, null);

        var failure = assertRefusedWithoutChange(() -> attempt(id, keep(), keep(), FieldChange.setTo(null), keep()));

        assertEquals("room_required", failure.code());
        assertEquals(Refusal.Kind.INVALID, failure.kind());
    }

    @Test
    void a_room_or_script_of_another_store_is_an_invalid_reference() {
        var id = scenario.ready(TWO_PM, null);
        var foreignRoom = scenario.fakes.catalogue().insertRoom(BookingScenario.OTHER_STORE, "Elsewhere", 8, true);

        assertEquals("room_not_found", assertRefusedWithoutChange(() -> attempt(id, keep(), keep(), FieldChange.setTo(foreignRoom.id()), keep())).code());
        var roomIdAsScriptId = new ScriptId(scenario.den.id().value());
        assertEquals("script_not_found", assertRefusedWithoutChange(() -> attempt(id, keep(), FieldChange.setTo(roomIdAsScriptId), keep(), keep())).code());
    }

    @Test
    void a_move_refused_for_its_room_takes_no_slot() {
        var id = scenario.scheduled(TWO_PM, null);

        assertRefusedWithoutChange(() -> attempt(id, FieldChange.setTo(SIX_PM), keep(), FieldChange.setTo(new RoomId(-1)), keep()));

        assertEquals(Optional.empty(), scenario.fakes.slots().slotAt(STORE, SIX_PM));
    }

    @Test
    void a_note_or_a_room_keeps_the_end_and_a_move_keeps_the_length_whatever_the_script_says_now() {
        // a booking made when Night Train lasted an hour: its script says 240 minutes today
        var id = scenario.fakes.bookings().insert(new NewBooking(STORE, TWO_PM, TWO_PM.plus(Duration.ofHours(1)),
                scenario.nightTrain.id(), null, null, BookingScenario.SETUP_TIME)).id();

        var noted = patch(id, keep(), keep(), keep(), FieldChange.setTo("window table")).booking();
        var roomed = patch(id, keep(), keep(), FieldChange.setTo(scenario.hall.id()), keep()).booking();
        var moved = patch(id, FieldChange.setTo(SIX_PM), keep(), keep(), keep()).booking();

        assertEquals(TWO_PM.plus(Duration.ofHours(1)), noted.endAt());
        assertEquals(TWO_PM.plus(Duration.ofHours(1)), roomed.endAt());
        assertEquals(SIX_PM.plus(Duration.ofHours(1)), moved.endAt());
    }

    @Test
    void a_scheduled_booking_moves_only_into_an_active_room_that_seats_its_party() {
        var id = scenario.scheduled(TWO_PM, scenario.hall.id());
        var closet = scenario.fakes.catalogue().insertRoom(STORE, "Closet", 1, true);
        var closed = scenario.fakes.catalogue().insertRoom(STORE, "Closed", 6, false);

        var tooSmall = assertRefusedWithoutChange(() -> attempt(id, keep(), keep(), FieldChange.setTo(closet.id()), keep()));
        var inactive = assertRefusedWithoutChange(() -> attempt(id, FieldChange.setTo(SIX_PM), keep(), FieldChange.setTo(closed.id()), keep()));

        assertEquals("room_unsuitable", tooSmall.code());
        assertEquals(Refusal.Kind.CONFLICT, tooSmall.kind());
        assertEquals("room_unsuitable", inactive.code());
        assertEquals(Optional.empty(), scenario.fakes.slots().slotAt(STORE, SIX_PM), "a refused move takes no slot");
    }

    @Test
    void an_incomplete_booking_may_prefer_any_room_of_the_store() {
        var id = scenario.ready(TWO_PM, null);
        var closed = scenario.fakes.catalogue().insertRoom(STORE, "Closed", 6, false);

        assertEquals(closed.id(), patch(id, keep(), keep(), FieldChange.setTo(closed.id()), keep()).booking().roomId(),
                "a preference; confirm passes over a room that cannot take the party");
    }

    @Test
    void clearing_the_script_clears_the_end_and_the_conflicts_with_it() {
        var other = scenario.scheduled(TWO_PM, scenario.den.id());
        var id = scenario.ready(TWO_PM, scenario.den.id());
        assertEquals(List.of(other), done(scenario.services().get().get(STORE, id)).conflicts().bookingIds(),
                "an incomplete booking shows the conflicts confirming it would bring");

        var patched = patch(id, keep(), FieldChange.setTo(null), keep(), keep());

        assertEquals(null, patched.booking().endAt());
        assertEquals(ConflictReport.none(), patched.conflicts());
    }

    @Test
    void patch_takes_the_store_schedule_lock_before_reading_the_booking() {
        var id = scenario.ready(TWO_PM, null);
        scenario.fakes.events().clear();

        patch(id, keep(), keep(), keep(), FieldChange.setTo("x"));

        assertEquals(List.of("begin", "lock store 1", "find booking " + id + " for update"),
                scenario.fakes.events().events().subList(0, 3));
    }

    @Test
    void a_stale_expected_version_is_refused_and_changes_nothing() {
        var id = scenario.ready(TWO_PM, null);
        var stale = OptionalLong.of(scenario.booking(id).version() + 1);

        var failure = assertRefusedWithoutChange(() -> patch.patch(
                new PatchBookingCommand(STORE, id, stale, keep(), keep(), keep(), FieldChange.setTo("x"))));

        assertEquals(Refusal.Kind.STALE, failure.kind());
    }

    private BookingView patch(BookingId bookingId, FieldChange<Instant> startAt, FieldChange<ScriptId> scriptId,
            FieldChange<RoomId> roomId, FieldChange<String> note) {
        return done(attempt(bookingId, startAt, scriptId, roomId, note));
    }

    private Outcome<BookingView> attempt(BookingId bookingId, FieldChange<Instant> startAt, FieldChange<ScriptId> scriptId,
            FieldChange<RoomId> roomId, FieldChange<String> note) {
        return patch.patch(new PatchBookingCommand(STORE, bookingId, OptionalLong.empty(), startAt, scriptId, roomId, note));
    }

    private static <T> FieldChange<T> keep() {
        return FieldChange.keep();
    }

    private Refusal assertRefusedWithoutChange(Supplier<Outcome<?>> action) {
        var before = scenario.fakes.state();
        var failure = refused(action.get());
        assertEquals(before, scenario.fakes.state(), "a refused change leaves nothing behind");
        return failure;
    }
}

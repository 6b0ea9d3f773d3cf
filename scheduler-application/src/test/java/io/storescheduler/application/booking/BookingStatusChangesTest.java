package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static io.storescheduler.application.booking.BookingScenario.NOW;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.booking.CancelBookingUseCase.CancelBookingCommand;
import io.storescheduler.application.booking.CompleteBookingUseCase.CompleteBookingCommand;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.Transition;
import io.storescheduler.domain.id.BookingId;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Cancel and complete, which both change a booking's status through {@link BookingStatusChanges}. */
class BookingStatusChangesTest {

    private final BookingScenario scenario = new BookingScenario();
    private final CancelBookingService cancel = scenario.services().cancel();
    private final CompleteBookingService complete = scenario.services().complete();

    @Test
    void cancel_of_a_completed_booking_is_refused_with_the_current_status() {
        var id = scenario.scheduled(TWO_PM, null);
        complete(id);
        var before = scenario.fakes.state();

        var refused = refused(cancel(id));

        assertEquals(BookingStatusChanges.refusal(new Transition.Refused(BookingStatus.COMPLETED, "cancel")), refused);
        assertEquals("cannot cancel a completed booking", refused.detail());
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void complete_of_an_incomplete_booking_is_refused_with_the_current_status() {
        var id = scenario.ready(TWO_PM, null);
        var before = scenario.fakes.state();

        var refused = refused(complete(id));

        assertEquals(BookingStatusChanges.refusal(new Transition.Refused(BookingStatus.INCOMPLETE, "complete")), refused);
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void an_incomplete_booking_can_be_cancelled_and_then_nothing_more() {
        var id = scenario.ready(TWO_PM, null);

        var cancelled = done(cancel(id));

        assertEquals(BookingStatus.CANCELLED, cancelled.booking().status());
        assertEquals(BookingStatusChanges.refusal(new Transition.Refused(BookingStatus.CANCELLED, "cancel")),
                refused(cancel(id)));
        assertEquals(BookingStatusChanges.refusal(new Transition.Refused(BookingStatus.CANCELLED, "complete")),
                refused(complete(id)));
    }

    @Test
    void completing_bumps_the_version_once_and_stamps_the_clock() {
        var id = scenario.scheduled(TWO_PM, null);
        var before = scenario.booking(id);

        var completed = done(complete(id)).booking();

        assertEquals(BookingStatus.COMPLETED, completed.status());
        assertEquals(before.version() + 1, completed.version());
        assertEquals(NOW, completed.updatedAt());
        assertEquals(before.roomId(), completed.roomId(), "a finished booking keeps the room it was played in");
    }

    @Test
    void cancelling_a_scheduled_booking_ends_the_conflict_on_both_sides() {
        var first = scenario.scheduled(TWO_PM, scenario.den.id());
        scenario.dm(first, null, scenario.chen.id());
        var second = scenario.scheduled(TWO_PM, scenario.hall.id());
        scenario.dm(second, null, scenario.chen.id());
        assertEquals(List.of(second), done(scenario.services().get().get(STORE, first)).conflicts().bookingIds());

        var cancelled = done(cancel(first));

        assertEquals(ConflictReport.none(), cancelled.conflicts());
        assertEquals(ConflictReport.none(), done(scenario.services().get().get(STORE, second)).conflicts());
    }

    @Test
    void status_changes_take_the_store_schedule_lock_before_reading_the_booking() {
        var id = scenario.scheduled(TWO_PM, null);
        var lockedRead = List.of("begin", "lock store 1", "find booking " + id + " for update");

        scenario.fakes.events().clear();
        complete(id);
        assertEquals(lockedRead, scenario.fakes.events().events().subList(0, 3));

        scenario.fakes.events().clear();
        cancel(id);
        assertEquals(lockedRead, scenario.fakes.events().events().subList(0, 3), "even a refused change reads under the lock");
    }

    @Test
    void a_stale_expected_version_is_refused_and_changes_nothing() {
        var id = scenario.scheduled(TWO_PM, null);
        var stale = OptionalLong.of(scenario.booking(id).version() - 1);
        var before = scenario.fakes.state();

        var failure = refused(cancel.cancel(new CancelBookingCommand(STORE, id, stale)));

        assertEquals(Refusal.Kind.STALE, failure.kind());
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void a_booking_of_another_store_is_not_found() {
        var id = scenario.scheduled(TWO_PM, null);

        var failure = refused(complete.complete(new CompleteBookingCommand(BookingScenario.OTHER_STORE, id, OptionalLong.empty())));

        assertEquals("booking_not_found", failure.code());
        assertEquals(BookingStatus.SCHEDULED, scenario.booking(id).status());
    }

    @Test
    void a_status_change_ends_with_its_event_just_before_the_commit_and_a_refused_one_writes_none() {
        var id = scenario.scheduled(TWO_PM, null);
        scenario.fakes.events().clear();

        complete(id);
        var completed = scenario.fakes.events().events();
        scenario.fakes.events().clear();
        cancel(id);
        var refused = scenario.fakes.events().events();

        assertEquals(List.of("append booking.completed booking " + id, "commit"), completed.subList(completed.size() - 2, completed.size()));
        assertEquals(List.of(), refused.stream().filter(event -> event.startsWith("append")).toList());
    }

    private Outcome<BookingView> cancel(BookingId bookingId) {
        return cancel.cancel(new CancelBookingCommand(STORE, bookingId, OptionalLong.empty()));
    }

    private Outcome<BookingView> complete(BookingId bookingId) {
        return complete.complete(new CompleteBookingCommand(STORE, bookingId, OptionalLong.empty()));
    }
}

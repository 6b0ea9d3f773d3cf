package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static io.storescheduler.application.booking.BookingScenario.SIX_PM;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.booking.CancelBookingUseCase.CancelBookingCommand;
import io.storescheduler.application.booking.ListBookingConflictsUseCase.ListBookingConflictsQuery;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ListBookingConflictsServiceTest {

    private final BookingScenario scenario = new BookingScenario();
    private final ListBookingConflictsService conflicts = scenario.services().conflictsOf();

    @Test
    void a_booking_pages_through_the_bookings_it_conflicts_with_by_id_and_says_what_they_share() {
        var late = scenario.scheduled(SIX_PM, scenario.den.id());
        var early = scenario.scheduled(TWO_PM, scenario.den.id());
        var overlapping = scenario.ready(TWO_PM.plus(Duration.ofHours(3)), scenario.den.id());

        var first = done(conflicts.list(new ListBookingConflictsQuery(STORE, overlapping, new PageRequest(1, 0))));
        var second = done(conflicts.list(new ListBookingConflictsQuery(STORE, overlapping, new PageRequest(1, 1))));

        assertEquals(2, first.total());
        assertEquals(List.of(Collections.min(List.of(early, late))), first.items().stream().map(ConflictingBooking::bookingId).toList());
        assertEquals(List.of(Collections.max(List.of(early, late))), second.items().stream().map(ConflictingBooking::bookingId).toList());
        var shown = first.items().getFirst();
        assertEquals(scenario.booking(shown.bookingId()).startAt(), shown.startAt());
        assertEquals(scenario.den.id(), shown.roomId());
        assertEquals(true, shown.sharesRoom());
        assertEquals(List.of(), shown.sharedDmIds());
    }

    @Test
    void a_cancelled_booking_has_no_conflicts_to_page_through() {
        scenario.scheduled(TWO_PM, scenario.den.id());
        var cancelled = scenario.ready(TWO_PM, scenario.den.id());
        done(scenario.services().cancel().cancel(new CancelBookingCommand(STORE, cancelled, OptionalLong.empty())));

        var page = done(conflicts.list(new ListBookingConflictsQuery(STORE, cancelled, PageRequest.first())));

        assertEquals(List.of(), page.items());
        assertEquals(0, page.total());
    }

    @Test
    void a_booking_of_another_store_is_not_found() {
        var ours = scenario.scheduled(TWO_PM, scenario.den.id());

        var failure = refused(conflicts.list(new ListBookingConflictsQuery(BookingScenario.OTHER_STORE, ours, PageRequest.first())));

        assertEquals(Refusal.Kind.NOT_FOUND, failure.kind());
        assertEquals("booking_not_found", failure.code());
    }
}

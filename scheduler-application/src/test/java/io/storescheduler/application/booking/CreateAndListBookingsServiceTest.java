package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static io.storescheduler.application.booking.BookingScenario.NOW;
import static io.storescheduler.application.booking.BookingScenario.SIX_PM;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.booking.CancelBookingUseCase.CancelBookingCommand;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase.CreateIncompleteBookingCommand;
import io.storescheduler.application.booking.ListBookingsUseCase.ListBookingsQuery;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreateAndListBookingsServiceTest {

    private final BookingScenario scenario = new BookingScenario();
    private final CreateIncompleteBookingService create = scenario.services().create();
    private final ListBookingsService list = scenario.services().list();

    @Test
    void a_new_booking_is_incomplete_at_version_zero_and_ends_after_its_script() {
        var created = done(create.create(new CreateIncompleteBookingCommand(STORE, TWO_PM, scenario.nightTrain.id(), scenario.den.id(), "window seat")));

        var booking = created.booking();
        assertEquals(BookingStatus.INCOMPLETE, booking.status());
        assertEquals(SIX_PM, booking.endAt());
        assertEquals(0, booking.version());
        assertEquals(NOW, booking.createdAt());
        assertEquals(NOW, booking.updatedAt());
        assertEquals(booking, scenario.booking(booking.id()));
    }

    @Test
    void a_script_with_a_duration_out_of_range_is_refused_and_nothing_is_created() {
        var legacy = scenario.fakes.catalogue().insertScript(STORE, "Endless", 0, List.of());
        var before = scenario.fakes.state();

        var failure = refused(create.create(new CreateIncompleteBookingCommand(STORE, TWO_PM, legacy.id(), null, null)));

        assertEquals("script_duration_invalid", failure.code());
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void a_room_of_another_store_is_refused_and_nothing_is_created() {
        var foreign = scenario.fakes.catalogue().insertRoom(BookingScenario.OTHER_STORE, "Elsewhere", 6, true);
        var before = scenario.fakes.state();

        var failure = refused(create.create(new CreateIncompleteBookingCommand(STORE, TWO_PM, null, foreign.id(), null)));

        assertEquals("room_not_found", failure.code());
        assertEquals(before, scenario.fakes.state());
    }

    @Test
    void a_list_shows_each_booking_by_start_then_id_with_the_conflicts_it_has_now() {
        var late = scenario.scheduled(SIX_PM, scenario.den.id());
        var early = scenario.scheduled(TWO_PM, scenario.den.id());
        var overlapping = scenario.ready(TWO_PM.plus(Duration.ofHours(3)), scenario.den.id());
        var cancelled = scenario.scheduled(TWO_PM, scenario.den.id());
        done(scenario.services().cancel().cancel(new CancelBookingCommand(STORE, cancelled, OptionalLong.empty())));

        var page = list.list(new ListBookingsQuery(STORE, BookingFilter.all(), PageRequest.first()));

        assertEquals(List.of(early, cancelled, overlapping, late), page.items().stream().map(view -> view.booking().id()).toList());
        assertEquals(List.of(List.of(), List.of(), ConflictReport.of(List.of(early, late)).bookingIds(), List.of()),
                page.items().stream().map(view -> view.conflicts().bookingIds()).toList(),
                "an incomplete booking shows what confirming it would bring; the scheduled ones do not list it yet");
        assertEquals(4, page.total());
    }

    @Test
    void a_list_filtered_by_status_counts_only_those() {
        scenario.scheduled(TWO_PM, null);
        var incomplete = scenario.ready(SIX_PM, null);
        var filter = new BookingFilter(Set.of(BookingStatus.INCOMPLETE), null, null, null, null, null);

        var page = list.list(new ListBookingsQuery(STORE, filter, new PageRequest(1, 0)));

        assertEquals(List.of(incomplete), page.items().stream().map(view -> view.booking().id()).toList());
        assertEquals(1, page.total());
        assertEquals(ConflictReport.none(), page.items().getFirst().conflicts());
    }
}

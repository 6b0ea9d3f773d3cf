package io.storescheduler.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.ConfirmBookingUseCase;
import io.storescheduler.application.booking.ConfirmViolations;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import java.util.Locale;

/**
 * Confirm, counted: {@code scheduler_confirm_total{outcome}} (scheduled, refused for failed
 * preconditions, or the refusal's or failure's kind: stale, not_found, conflict, invalid,
 * forbidden, unavailable; error for anything unexpected); {@code scheduler_confirm_conflicts} (how many
 * bookings each newly scheduled one conflicts with: count, sum, max); and
 * {@code scheduler_confirm_overlapping_total} (the confirms that scheduled a booking into conflict,
 * as no conflict-free room was left).
 */
final class MeteredConfirmBooking implements ConfirmBookingUseCase {

    private final ConfirmBookingUseCase confirm;
    private final MeterRegistry registry;
    private final DistributionSummary conflicts;
    private final Counter overlapping;

    MeteredConfirmBooking(ConfirmBookingUseCase confirm, MeterRegistry registry) {
        this.confirm = confirm;
        this.registry = registry;
        this.conflicts = DistributionSummary.builder("scheduler.confirm.conflicts")
                .description("Conflicts of a booking right after confirm scheduled it")
                .register(registry);
        this.overlapping = Counter.builder("scheduler.confirm.overlapping")
                .description("Confirms that scheduled a booking into conflict")
                .register(registry);
    }

    @Override
    public Outcome<BookingView> confirm(ConfirmBookingCommand command) {
        try {
            var outcome = confirm.confirm(command);
            switch (outcome) {
                case Outcome.Done<BookingView> scheduled -> {
                    count("scheduled");
                    recordConflicts(scheduled.value().conflicts().count());
                }
                case Outcome.Refused<BookingView> refused -> count(outcomeOf(refused.refusal()));
            }
            return outcome;
        } catch (UseCaseFailure failure) {
            count(failure.kind().name().toLowerCase(Locale.ROOT));
            throw failure;
        } catch (RuntimeException unexpected) {
            count("error");
            throw unexpected;
        }
    }

    /** Refused for failed preconditions, or the refusal's kind. */
    private static String outcomeOf(Refusal refusal) {
        return ConfirmViolations.CODE.equals(refusal.code()) ? "refused" : refusal.kind().name().toLowerCase(Locale.ROOT);
    }

    private void recordConflicts(int count) {
        conflicts.record(count);
        if (count > 0) {
            overlapping.increment();
        }
    }

    private void count(String outcome) {
        Counter.builder("scheduler.confirm")
                .description("Confirm attempts, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}

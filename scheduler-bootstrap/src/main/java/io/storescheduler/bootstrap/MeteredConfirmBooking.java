package io.storescheduler.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.storescheduler.application.booking.ConfirmBookingUseCase;
import io.storescheduler.application.shared.UseCaseFailure;
import java.util.Locale;

/**
 * Confirm, counted: {@code scheduler_confirm_total{outcome}} (scheduled, refused for failed
 * preconditions, or the failure's kind: stale, not_found, conflict, invalid, forbidden,
 * unavailable; error for anything unexpected); {@code scheduler_confirm_conflicts} (how many
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
    public ConfirmOutcome confirm(ConfirmBookingCommand command) {
        try {
            var outcome = confirm.confirm(command);
            switch (outcome) {
                case ConfirmOutcome.Scheduled scheduled -> {
                    count("scheduled");
                    recordConflicts(scheduled.booking().conflicts().count());
                }
                case ConfirmOutcome.Refused refused -> count("refused");
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

package io.storescheduler.application.shared;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a use case that can refuse answers: done, with its value, or refused, with a
 * {@link Refusal} the caller can act on. Refusals are expected answers, not failures: exceptions
 * stay for bugs and outages.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    record Refused<T>(Refusal refusal) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /** The value {@code found} holds, or refused with {@code missing}. */
    static <T> Outcome<T> of(Optional<T> found, Supplier<Refusal> missing) {
        return found.<Outcome<T>>map(Outcome::done).orElseGet(() -> refused(missing.get()));
    }

    /** Done with {@code value} unless {@code refusal} says why not. */
    static <T> Outcome<T> unless(Optional<Refusal> refusal, T value) {
        return refusal.<Outcome<T>>map(Outcome::refused).orElseGet(() -> done(value));
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    default <U> Outcome<U> map(Function<? super T, ? extends U> next) {
        return switch (this) {
            case Done<T> done -> done(next.apply(done.value()));
            case Refused<T> refused -> refused(refused.refusal());
        };
    }

    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> next) {
        return switch (this) {
            case Done<T> done -> next.apply(done.value());
            case Refused<T> refused -> refused(refused.refusal());
        };
    }

    /** Refused with {@code refusal} of the value when it does not pass {@code check}. */
    default Outcome<T> ensure(Predicate<? super T> check, Function<? super T, Refusal> refusal) {
        return flatMap(value -> check.test(value) ? done(value) : refused(refusal.apply(value)));
    }
}

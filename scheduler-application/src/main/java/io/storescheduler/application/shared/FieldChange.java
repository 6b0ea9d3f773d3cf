package io.storescheduler.application.shared;

import java.util.Optional;
import java.util.function.Function;

/**
 * One field of a partial update: left as it is, or set to a value (which may be null, to clear it).
 * A PATCH body tells these apart by whether the field is present at all.
 */
public sealed interface FieldChange<T> {

    record Keep<T>() implements FieldChange<T> {}

    record SetTo<T>(T value) implements FieldChange<T> {}

    static <T> FieldChange<T> keep() {
        return new Keep<>();
    }

    static <T> FieldChange<T> setTo(T value) {
        return new SetTo<>(value);
    }

    default T orElse(T current) {
        return switch (this) {
            case Keep<T> keep -> current;
            case SetTo<T> set -> set.value();
        };
    }

    default boolean isSet() {
        return this instanceof SetTo<T>;
    }

    /** The same change of another representation of the value; a null value stays null. */
    default <R> FieldChange<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Keep<T> keep -> keep();
            case SetTo<T>(T value) -> setTo(value == null ? null : mapper.apply(value));
        };
    }

    default <R> Optional<R> ifSet(Function<T, R> mapper) {
        return this instanceof SetTo<T>(T value) ? Optional.ofNullable(mapper.apply(value)) : Optional.empty();
    }
}

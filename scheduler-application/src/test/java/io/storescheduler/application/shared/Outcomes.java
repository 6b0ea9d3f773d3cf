package io.storescheduler.application.shared;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Reading a use case's {@link Outcome} in a test: the value it is done with, or the refusal it answers. */
public final class Outcomes {

    private Outcomes() {}

    /** The value of {@code outcome}, failing the test when it is refused. */
    @SuppressWarnings("unchecked")
    public static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome, () -> "refused: " + outcome)).value();
    }

    /** The refusal of {@code outcome}, failing the test when it is done. */
    public static Refusal refused(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Refused.class, outcome, () -> "done: " + outcome).refusal();
    }
}

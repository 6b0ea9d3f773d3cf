package io.storescheduler.adapter.web.shared;

/** A request the board cannot read: a malformed path or form value. Answered 400 with its message, in words. */
public final class BadInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInput(String message) {
        super(message, null, false, false);
    }
}

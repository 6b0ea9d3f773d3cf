package io.storescheduler.adapter.http.event;

import io.storescheduler.adapter.http.shared.ApiProblem;
import java.util.regex.Pattern;

/**
 * The feed's cursor on the wire: the store's sequence number of the last event read, as a string
 * the caller passes back as it is. Opaque by contract, so its form may change.
 */
final class EventCursor {

    private static final Pattern FORM = Pattern.compile("[0-9]{1,18}");

    private EventCursor() {}

    static String of(long seq) {
        return Long.toString(seq);
    }

    /** The sequence number {@code after} names; absent, 0: from the oldest kept event. */
    static long parse(String after) {
        if (after == null) {
            return 0;
        }
        if (!FORM.matcher(after).matches()) {
            throw ApiProblem.badRequest("invalid_cursor", "after", "after must be a cursor this feed answered as next");
        }
        return Long.parseLong(after);
    }
}

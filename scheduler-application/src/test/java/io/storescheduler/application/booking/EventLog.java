package io.storescheduler.application.booking;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fakes were asked to do, in order ("begin", "lock store 1", "find booking 3 for update",
 * "commit"), so a test can say which came first: a lock and the read it guards.
 */
final class EventLog {

    private final List<String> events = new ArrayList<>();

    void record(String event) {
        events.add(event);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    /** Forgets what happened so far, such as a test's setup. */
    void clear() {
        events.clear();
    }
}

package io.storescheduler.adapter.web.session;

import java.util.List;

/**
 * What the page after a form post tells the desk: that the action was done, or why it was not
 * (each line in words). Shown once, by the page the post redirects to.
 */
public record Flash(boolean done, List<String> lines) {

    public Flash {
        lines = List.copyOf(lines);
    }

    public static Flash done(String line) {
        return new Flash(true, List.of(line));
    }

    public static Flash refused(List<String> lines) {
        return new Flash(false, lines);
    }
}

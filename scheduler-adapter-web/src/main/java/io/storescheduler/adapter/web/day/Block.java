package io.storescheduler.adapter.web.day;

/**
 * One booking on a lane: where it sits ({@code column}, {@code span}, and its room's turnaround
 * after it), what it shows, and what a reader of the screen hears ({@code label}).
 */
public record Block(
        long bookingId,
        String status,
        boolean conflict,
        String title,
        String time,
        String label,
        String conflictText,
        int column,
        int span,
        int turnaroundColumn,
        int turnaroundSpan,
        String href,
        String panelPath) {

    public boolean hasTurnaround() {
        return turnaroundSpan > 0;
    }

    public String classes() {
        return "block status-" + status + (conflict ? " conflict" : "") + " c" + column + " s" + span;
    }

    public String turnaroundClasses() {
        return "turnaround c" + turnaroundColumn + " s" + turnaroundSpan;
    }
}

package io.storescheduler.application.booking;

/**
 * A fake whose whole state can be copied out and put back, so that a transaction can be undone.
 * A snapshot is a value: two snapshots of the same state are equal.
 */
interface Rollbackable<S> {

    S snapshot();

    void restore(S snapshot);
}

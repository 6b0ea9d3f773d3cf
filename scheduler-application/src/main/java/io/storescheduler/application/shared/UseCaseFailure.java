package io.storescheduler.application.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What no use case can answer as an {@link Outcome}: an outage, or a conflict the database's
 * integrity rules found at the last moment, when a write raced past the use case's own check (a
 * unique index such as a slot's start or a room's name key). Thrown so the transaction rolls back;
 * the HTTP adapter maps {@link Kind} to a status in one place. A conflict's code and detail are
 * made by {@link Refusal}'s factories, so it answers as the refusal the check would have given.
 */
public final class UseCaseFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure: decides the answer's status. The refusals' kinds, and the outage. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, FORBIDDEN, STALE, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final transient List<Refusal.FieldError> errors;
    private final transient Map<String, Object> details;

    private UseCaseFailure(Kind kind, String code, String detail, List<Refusal.FieldError> errors, Map<String, Object> details) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.errors = List.copyOf(errors);
        // in the order given, as Refusal keeps it: the answer's members come out the same every run
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** {@code refusal}, thrown where it can only be found by a failed write. */
    public static UseCaseFailure of(Refusal refusal) {
        return new UseCaseFailure(Kind.valueOf(refusal.kind().name()), refusal.code(), refusal.detail(), refusal.errors(), refusal.details());
    }

    /** A conflict the database found at the last moment, such as a unique index a racing write met. */
    public static UseCaseFailure conflict(String code, String detail) {
        return of(Refusal.conflict(code, detail));
    }

    /** The database cannot be reached right now: an outage, not the caller's fault; worth a retry. */
    public static UseCaseFailure unavailable(String detail) {
        return new UseCaseFailure(Kind.UNAVAILABLE, "database_unavailable", detail, List.of(), Map.of());
    }

    /** The database did not answer within its time bound (busy, or waiting on a lock): worth a retry too. */
    public static UseCaseFailure timedOut(String detail) {
        return new UseCaseFailure(Kind.UNAVAILABLE, "database_timeout", detail, List.of(), Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Refusal.FieldError> errors() {
        return errors;
    }

    /** Members the answer carries beside the usual ones, such as the {@code quota} and {@code limit} of a quota refused. */
    public Map<String, Object> details() {
        return details;
    }
}

package io.storescheduler.application.shared;

import io.storescheduler.domain.id.EntityId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An outage, or a refusal of a use case that does not answer an {@link Outcome} yet. Thrown so
 * the transaction rolls back; the HTTP adapter maps {@link Kind} to a status in one place. A
 * refusal's code and detail are made by {@link Refusal}'s factories, so both forms answer alike.
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

    /** {@code refusal}, thrown by a use case that does not answer it as a value yet. */
    public static UseCaseFailure of(Refusal refusal) {
        return new UseCaseFailure(Kind.valueOf(refusal.kind().name()), refusal.code(), refusal.detail(), refusal.errors(), refusal.details());
    }

    public static UseCaseFailure notFound(String what, EntityId id) {
        return of(Refusal.notFound(what, id));
    }

    public static UseCaseFailure notFound(String what, long id) {
        return of(Refusal.notFound(what, id));
    }

    /** Not found for a reason the generic form cannot say, such as a client that is not in a party. */
    public static UseCaseFailure notFound(String code, String detail) {
        return of(Refusal.notFound(code, detail));
    }

    public static UseCaseFailure conflict(String code, String detail) {
        return of(Refusal.conflict(code, detail));
    }

    /** The store holds as much of {@code quota} as it may: the answer names the quota and its limit. */
    public static UseCaseFailure quotaExceeded(String quota, long limit) {
        return of(Refusal.quotaExceeded(quota, limit));
    }

    public static UseCaseFailure invalid(String code, String field, String message) {
        return of(Refusal.invalid(code, field, message));
    }

    public static UseCaseFailure forbidden(String detail) {
        return of(Refusal.forbidden(detail));
    }

    public static UseCaseFailure stale(String what, long expected, long actual) {
        return of(Refusal.stale(what, expected, actual));
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

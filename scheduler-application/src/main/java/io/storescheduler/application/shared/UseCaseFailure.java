package io.storescheduler.application.shared;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the application refuses for a reason the caller can act on: a missing record, a state
 * that forbids the change, an invalid reference. Thrown so the transaction rolls back; the HTTP
 * adapter maps {@link Kind} to a status in one place.
 */
public final class UseCaseFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal: decides the answer's status. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, FORBIDDEN, STALE, UNAVAILABLE }

    /** A field the refusal is about, with what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final Kind kind;
    private final String code;
    private final transient List<FieldError> errors;
    private final transient Map<String, Object> details;

    private UseCaseFailure(Kind kind, String code, String detail, List<FieldError> errors) {
        this(kind, code, detail, errors, Map.of());
    }

    private UseCaseFailure(Kind kind, String code, String detail, List<FieldError> errors, Map<String, Object> details) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.errors = List.copyOf(errors);
        this.details = Map.copyOf(details);
    }

    public static UseCaseFailure notFound(String what, long id) {
        return new UseCaseFailure(Kind.NOT_FOUND, what + "_not_found", what.replace('_', ' ') + " " + id + " does not exist in this store", List.of());
    }

    /** Not found for a reason the generic form cannot say, such as a client that is not in a party. */
    public static UseCaseFailure notFound(String code, String detail) {
        return new UseCaseFailure(Kind.NOT_FOUND, code, detail, List.of());
    }

    public static UseCaseFailure conflict(String code, String detail) {
        return new UseCaseFailure(Kind.CONFLICT, code, detail, List.of());
    }

    /** The store holds as much of {@code quota} as it may: the answer names the quota and its limit. */
    public static UseCaseFailure quotaExceeded(String quota, long limit) {
        return new UseCaseFailure(Kind.CONFLICT, "quota_exceeded", "this store has reached its quota of " + limit + " " + quota.replace('_', ' '),
                List.of(), Map.of("quota", quota, "limit", limit));
    }

    public static UseCaseFailure invalid(String code, String field, String message) {
        return new UseCaseFailure(Kind.INVALID, code, message, List.of(new FieldError(field, message)));
    }

    public static UseCaseFailure forbidden(String detail) {
        return new UseCaseFailure(Kind.FORBIDDEN, "forbidden", detail, List.of());
    }

    public static UseCaseFailure stale(String what, long expected, long actual) {
        return new UseCaseFailure(Kind.STALE, "version_mismatch",
                what + " is at version " + actual + ", not " + expected, List.of());
    }

    /** The database cannot be reached right now: an outage, not the caller's fault; worth a retry. */
    public static UseCaseFailure unavailable(String detail) {
        return new UseCaseFailure(Kind.UNAVAILABLE, "database_unavailable", detail, List.of());
    }

    /** The database did not answer within its time bound (busy, or waiting on a lock): worth a retry too. */
    public static UseCaseFailure timedOut(String detail) {
        return new UseCaseFailure(Kind.UNAVAILABLE, "database_timeout", detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Members the answer carries beside the usual ones, such as the {@code quota} and {@code limit} of a quota refused. */
    public Map<String, Object> details() {
        return details;
    }
}
